/// Which objects a list or watch returns.
public struct KubeListOptions: Sendable, Equatable {
    /// `labelSelector`, e.g. `app=web,tier!=db`.
    public var labelSelector: String?
    /// `fieldSelector`, e.g. `spec.nodeName=node-1`.
    public var fieldSelector: String?
    /// `limit`: the most items per page; `nil` for the server's choice (everything).
    public var limit: Int?

    /// Options; all `nil` selects everything.
    public init(labelSelector: String? = nil, fieldSelector: String? = nil, limit: Int? = nil) {
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.limit = limit
    }

    /// The query parameters these options add.
    package var queryItems: [(String, String)] {
        var items: [(String, String)] = []
        if let labelSelector, !labelSelector.isEmpty { items.append(("labelSelector", labelSelector)) }
        if let fieldSelector, !fieldSelector.isEmpty { items.append(("fieldSelector", fieldSelector)) }
        if let limit { items.append(("limit", String(limit))) }
        return items
    }
}
