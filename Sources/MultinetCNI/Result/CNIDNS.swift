/// A CNI result's `dns`: resolver settings a plugin suggests for the container.
public struct CNIDNS: Sendable, Equatable {
    /// Name server addresses, in priority order.
    public var nameservers: [String]
    /// The local domain, if any.
    public var domain: String?
    /// Search domains, in priority order.
    public var search: [String]
    /// Resolver options, such as `ndots:5`.
    public var options: [String]

    /// DNS settings from their fields; an empty domain is treated as absent.
    public init(nameservers: [String] = [], domain: String? = nil, search: [String] = [], options: [String] = []) {
        self.nameservers = nameservers
        self.domain = domain?.isEmpty == true ? nil : domain
        self.search = search
        self.options = options
    }

    /// Whether nothing is set: such a `dns` is left out of a result document.
    public var isEmpty: Bool {
        nameservers.isEmpty && (domain ?? "").isEmpty && search.isEmpty && options.isEmpty
    }
}
