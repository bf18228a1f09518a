import MultinetJSON

/// One page of a list (`PodList`, …): the items and what is needed to continue or watch.
public struct KubeList<Item: KubeResource>: Sendable {
    /// The objects.
    public var items: [Item]
    /// `metadata.resourceVersion`: the list's version, from which a watch continues.
    public var resourceVersion: String?
    /// `metadata.continue`: the token for the next page; `nil` on the last page.
    public var continueToken: String?
    /// `metadata.remainingItemCount`, when the server says.
    public var remainingItemCount: Int?

    /// A list from its parts.
    public init(items: [Item], resourceVersion: String? = nil, continueToken: String? = nil,
                remainingItemCount: Int? = nil) {
        self.items = items
        self.resourceVersion = resourceVersion
        self.continueToken = continueToken
        self.remainingItemCount = remainingItemCount
    }

    /// Decodes a list object; a failing item is named by its index.
    public init(json: JSONObject) throws(KubeDecodingError) {
        let root = KubeFieldReader(json)
        let metadata = try root.nested("metadata")
        resourceVersion = try metadata.string("resourceVersion")
        let token = try metadata.string("continue")
        continueToken = token?.isEmpty == false ? token : nil
        remainingItemCount = try metadata.int("remainingItemCount")
        var decoded: [Item] = []
        for (index, element) in try root.array("items").enumerated() {
            guard let object = element.objectValue else {
                throw .wrongType(field: "items[\(index)]", expected: "an object", found: element.kindName)
            }
            do {
                decoded.append(try Item(json: object))
            } catch {
                throw Self.prefix(error, with: "items[\(index)]")
            }
        }
        items = decoded
    }

    private static func prefix(_ error: KubeDecodingError, with path: String) -> KubeDecodingError {
        switch error {
        case .wrongType(let field, let expected, let found): .wrongType(field: path + "." + field, expected: expected, found: found)
        case .missing(let field): .missing(field: path + "." + field)
        default: error
        }
    }
}

extension KubeList: Equatable where Item: Equatable {}
