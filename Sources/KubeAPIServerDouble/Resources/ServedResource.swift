/// A kind of object the double serves: its API group and version, the plural name used in
/// URLs, the `kind`, and how it behaves.
public struct ServedResource: Sendable, Hashable, CustomStringConvertible {
    /// The API group; empty for the core group.
    public var group: String
    /// The API version within the group, e.g. `v1`.
    public var version: String
    /// The plural resource name used in URLs, e.g. `pods`.
    public var plural: String
    /// The singular name, e.g. `pod`.
    public var singular: String
    /// The object kind, e.g. `Pod`.
    public var kind: String
    /// Short names kubectl accepts, e.g. `po`.
    public var shortNames: [String]
    /// Whether objects live in namespaces.
    public var namespaced: Bool
    /// Whether the resource has a `status` subresource.
    public var hasStatusSubresource: Bool
    /// Whether a PUT without `metadata.resourceVersion` is accepted (as for pods) or rejected
    /// as invalid (as for custom resources).
    public var allowsUnconditionalUpdate: Bool
    /// Whether DELETE answers with the deleted object (built-in types) or with a success
    /// `Status` (custom resources).
    public var deleteReturnsObject: Bool
    /// Field selectors the resource accepts besides `metadata.name` and `metadata.namespace`.
    public var extraSelectableFields: [String]
    /// The categories kubectl groups the resource under (`all` for pods).
    public var categories: [String]
    /// Whether a CustomResourceDefinition defines it (NetworkAttachmentDefinitions,
    /// Networks), rather than being built into the apiserver: custom resources take no
    /// strategic merge patch, and their list items keep `kind` and `apiVersion`.
    public var isCustomResource: Bool
    /// Whether `metadata.generation` counts changes of `spec` (custom resources, workloads,
    /// CustomResourceDefinitions).
    public var tracksGeneration: Bool

    /// A resource description.
    public init(
        group: String, version: String, plural: String, singular: String, kind: String,
        shortNames: [String] = [], namespaced: Bool = true, hasStatusSubresource: Bool = false,
        allowsUnconditionalUpdate: Bool = false, deleteReturnsObject: Bool = false,
        extraSelectableFields: [String] = [], categories: [String] = [], isCustomResource: Bool = false,
        tracksGeneration: Bool = false
    ) {
        self.group = group
        self.version = version
        self.plural = plural
        self.singular = singular
        self.kind = kind
        self.shortNames = shortNames
        self.namespaced = namespaced
        self.hasStatusSubresource = hasStatusSubresource
        self.allowsUnconditionalUpdate = allowsUnconditionalUpdate
        self.deleteReturnsObject = deleteReturnsObject
        self.extraSelectableFields = extraSelectableFields
        self.categories = categories
        self.isCustomResource = isCustomResource
        self.tracksGeneration = tracksGeneration || isCustomResource
    }

    /// The `apiVersion` of its objects: `v1` for the core group, `group/version` otherwise.
    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    /// The name the apiserver uses for it in messages: `pods`, or
    /// `network-attachment-definitions.k8s.cni.cncf.io` for a non-core group.
    public var qualifiedName: String { group.isEmpty ? plural : "\(plural).\(group)" }

    /// The `kind` of its list objects, e.g. `PodList`.
    public var listKind: String { kind + "List" }

    /// Every field a field selector may name for this resource.
    public var selectableFields: [String] { ["metadata.name", "metadata.namespace"] + extraSelectableFields }

    /// The qualified name.
    public var description: String { qualifiedName }
}
