/// What one ADD will attach: the dialect the pod used (`nil` for a plain pod, which gets
/// the default network only) and the attachments in order.
public struct AttachmentPlan: Sendable {
    /// The selection dialect, `nil` when the pod selects no networks.
    public var dialect: SelectionDialect?
    /// The attachments, the default network's first for the NPWG dialect.
    public var attachments: [PlannedAttachment]

    /// A plan.
    public init(dialect: SelectionDialect?, attachments: [PlannedAttachment]) {
        self.dialect = dialect
        self.attachments = attachments
    }
}
