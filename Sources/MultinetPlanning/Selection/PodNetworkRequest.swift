/// What a pod's annotations ask for: nothing (the default network only), or a dialect and
/// its selections with their interfaces assigned.
public struct PodNetworkRequest: Sendable, Equatable {
    /// The dialect used, `nil` when the pod has no selection annotation.
    public var dialect: SelectionDialect?
    /// The selections in order, each with the interface it will get.
    public var selections: [Entry]

    /// A request in `dialect` (none for a pod without an annotation) for `selections`.
    public init(dialect: SelectionDialect?, selections: [Entry]) {
        self.dialect = dialect
        self.selections = selections
    }

    /// One selection and its interface.
    public struct Entry: Sendable, Equatable {
        /// The selection.
        public var selection: NetworkSelection
        /// The interface inside the pod.
        public var ifName: String
        /// Whether this selection is the pod's default network (alpha dialect, first entry).
        public var isDefault: Bool
    }

    /// The largest number of networks one pod may ask for.
    public static let maximumSelections = 32
    /// The largest selection annotation accepted, in bytes.
    public static let maximumAnnotationBytes = 64 << 10
}
