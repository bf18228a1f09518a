extension KubeConfig {
    /// A `contexts[].context` entry: a cluster, a user and a default namespace.
    public struct Context: Sendable, Equatable {
        /// The entry's name.
        public var name: String
        /// `cluster`: the name of a cluster entry.
        public var cluster: String
        /// `user`: the name of a user entry.
        public var user: String
        /// `namespace`, if set.
        public var namespace: String?
        /// The kubeconfig file the entry came from.
        public var source: String

        /// A context entry.
        public init(name: String, cluster: String, user: String, namespace: String? = nil, source: String) {
            self.name = name
            self.cluster = cluster
            self.user = user
            self.namespace = namespace
            self.source = source
        }
    }
}
