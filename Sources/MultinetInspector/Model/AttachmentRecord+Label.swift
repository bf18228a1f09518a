import MultinetCheckpoint

extension AttachmentRecord {
    /// The interface as the Pods tables show it: its name, marked `(hotplug)` when the agent
    /// hot-plugged it into the running pod.
    var interfaceLabel: String {
        origin == .hotplug ? "\(ifName) (hotplug)" : ifName
    }
}
