/// What the agent does and where it finds things: the command line, as a value.
public struct AgentSettings: Sendable, Equatable {
    /// This node's name (pods are selected by `spec.nodeName`, labels go on this Node).
    public var node: String
    /// The checkpoint store's directory.
    public var stateDir: String
    /// The CNI conf dir (conf-dir networks, NADs without `spec.config`).
    public var confDir: String
    /// Where delegate plugins are found, in order.
    public var binDirs: [String]
    /// `ADDR:PORT` of the metrics and health server.
    public var listen: String
    /// Whether leaked sandboxes are torn down.
    public var reclaim: Bool
    /// How long a sandbox must have been both `pod-gone` and `netns-gone` before it is reclaimed.
    public var reclaimAfterSeconds: Double
    /// Whether the node's `net.multinet.dev/` labels are kept up to date.
    public var publishNodeLabels: Bool
    /// Whether networks are hot-plugged into running pods when their selection changes.
    public var hotplug: Bool
    /// Seconds between two cycles (store, cluster and kernel read, reclaim, labels).
    public var intervalSeconds: Double
    /// The kubeconfig, if one is named (else in-cluster, else none).
    public var kubeconfig: String?

    /// Settings from their parts; the defaults are the contract's.
    public init(node: String, stateDir: String = "/var/lib/multinet", confDir: String = "/etc/cni/net.d",
                binDirs: [String] = ["/opt/cni/bin"], listen: String = "127.0.0.1:9464", reclaim: Bool = false,
                reclaimAfterSeconds: Double = 300, publishNodeLabels: Bool = false, hotplug: Bool = false,
                intervalSeconds: Double = 30,
                kubeconfig: String? = nil) {
        self.node = node
        self.stateDir = stateDir
        self.confDir = confDir
        self.binDirs = binDirs
        self.listen = listen
        self.reclaim = reclaim
        self.reclaimAfterSeconds = reclaimAfterSeconds
        self.publishNodeLabels = publishNodeLabels
        self.hotplug = hotplug
        self.intervalSeconds = intervalSeconds
        self.kubeconfig = kubeconfig
    }

    /// The listen address split into host and port, or `nil` when it is not `HOST:PORT`
    /// with a port 0…65535 (`[v6]:PORT` for IPv6).
    public var listenAddress: (host: String, port: Int)? {
        guard let colon = listen.lastIndex(of: ":") else { return nil }
        var host = String(listen[..<colon])
        guard let port = Int(listen[listen.index(after: colon)...]), (0...65_535).contains(port), !host.isEmpty else {
            return nil
        }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host, port)
    }
}
