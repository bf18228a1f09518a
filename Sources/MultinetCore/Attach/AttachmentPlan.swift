import MultinetModel
import MultinetPlanning

/// What one ADD will attach: the dialect the pod used (`nil` for a plain pod, which gets
/// the default network only) and the attachments in order.
public struct AttachmentPlan: Sendable {
    /// The selection dialect, `nil` when the pod selects no networks.
    public var dialect: SelectionDialect?
    /// The attachments, the default network's first for the NPWG dialect.
    public var attachments: [PlannedAttachment]

    /// Whether the pod gets a `network-status` annotation: it selects networks, or the
    /// node gives it more than its default network (Multus's `defaultNetworks`). A plain
    /// pod is not patched, so it needs no apiserver request for that.
    public var publishesStatus: Bool { dialect != nil || attachments.count > 1 }

    /// A plan.
    public init(dialect: SelectionDialect?, attachments: [PlannedAttachment]) {
        self.dialect = dialect
        self.attachments = attachments
    }
}
