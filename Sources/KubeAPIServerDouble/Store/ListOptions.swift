/// What a LIST (or WATCH) asks for, parsed from its query parameters.
struct ListOptions: Sendable, Equatable {
    var labelSelector = LabelSelector.everything
    var fieldSelector = FieldSelector.everything
    /// Page size; `nil` or `0` means everything.
    var limit: Int?
    /// The `continue` token of the previous page.
    var continueToken: String?
    /// The `resourceVersion` parameter, as sent.
    var resourceVersion: String?
    /// The `resourceVersionMatch` parameter (`Exact`, `NotOlderThan`).
    var resourceVersionMatch: String?

    /// Whether the object passes both selectors.
    func matches(_ object: KubeJSON) -> Bool {
        labelSelector.matches(LabelSelector.labels(of: object)) && fieldSelector.matches(object)
    }

    /// Whether any selector is set (the apiserver then leaves out `remainingItemCount`).
    var hasSelectors: Bool {
        !labelSelector.requirements.isEmpty || !fieldSelector.terms.isEmpty
    }
}

/// One page of a LIST.
struct ListResult: Sendable, Equatable {
    /// The objects, in key order.
    var items: [KubeJSON]
    /// The list's `metadata.resourceVersion`.
    var resourceVersion: Int
    /// The token for the next page, when there is one.
    var continueToken: String?
    /// How many more objects the following pages hold (without selectors only).
    var remainingItemCount: Int?
}
