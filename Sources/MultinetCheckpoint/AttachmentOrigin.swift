/// How an attachment came to be: the runtime's ADD of the sandbox, or a hot-plug by the node
/// agent into the running sandbox. Stored as the raw value (a database format); the runtime's
/// DEL tears both down alike.
public enum AttachmentOrigin: String, Sendable, CaseIterable {
    /// Attached by the runtime's ADD (also every record written before schema step 4).
    case runtime
    /// Attached into a running pod by `multinet-agent --hotplug`.
    case hotplug
}
