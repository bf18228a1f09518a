import Foundation

/// A named network namespace made with `ip netns add`, as a container runtime makes one
/// for a pod sandbox; its ``path`` is what the runtime passes as `CNI_NETNS`.
///
/// Always delete it, also when the test fails:
/// ```swift
/// let netns = try NetworkNamespace.create()
/// defer { netns.delete() }
/// ```
public struct NetworkNamespace: Sendable, Hashable {
    /// The name `ip netns` knows it by.
    public let name: String

    /// `/var/run/netns/NAME`: the bind mount that keeps the namespace alive.
    public var path: String { "/var/run/netns/" + name }

    /// Refers to an existing named namespace without creating it.
    public init(name: String) {
        self.name = name
    }

    /// Creates a namespace with a unique name `PREFIX-XXXXXXXX` (eight random hex digits).
    public static func create(prefix: String = "mnt") throws -> NetworkNamespace {
        var lastError: (any Error)?
        for _ in 0..<5 {
            let namespace = NetworkNamespace(name: prefix + "-" + HostNetwork.randomHex(8))
            guard !FileManager.default.fileExists(atPath: namespace.path) else { continue }
            do {
                try Shell.check(["ip", "netns", "add", namespace.name])
                return namespace
            } catch {
                lastError = error
            }
        }
        throw lastError ?? TestSupportError.fileSystem(path: "/var/run/netns", reason: "could not find a free namespace name")
    }

    /// Whether the namespace still exists.
    public var exists: Bool {
        FileManager.default.fileExists(atPath: path)
    }

    /// Deletes the namespace (and every link still inside it: veth peers go with it, the
    /// host side of a veth disappears too). Deleting one that is already gone does nothing;
    /// other failures are reported as a Swift Testing issue rather than thrown, so this can
    /// be called from `defer`.
    public func delete() {
        guard exists else { return }
        do {
            let result = try Shell.run(["ip", "netns", "delete", name])
            if !result.succeeded && exists { try result.requireSuccess() }
        } catch {
            TestIssue.record("could not delete network namespace \(name): \(error)")
        }
    }

    /// Runs a command inside the namespace (`ip netns exec NAME ARGS...`).
    public func run(_ args: [String], timeout: TimeInterval = 60) throws -> ShellResult {
        try Shell.run(["ip", "netns", "exec", name] + args, timeout: timeout)
    }

    /// The names of the links in the namespace, e.g. `["lo", "eth0"]`.
    public func links() throws -> [String] {
        try IPRoute2.linkNames(netns: name)
    }

    /// Whether a link named `ifname` exists in the namespace.
    public func linkExists(_ ifname: String) throws -> Bool {
        try IPRoute2.linkExists(netns: name, ifname)
    }

    /// The addresses of `ifname` as `ADDRESS/PREFIX` strings (`"10.1.0.5/24"`), IPv4 first;
    /// link-local addresses only when `includeLinkLocal` is set. Throws when the link does
    /// not exist.
    public func addresses(of ifname: String, includeLinkLocal: Bool = false) throws -> [String] {
        try IPRoute2.addresses(netns: name, of: ifname, includeLinkLocal: includeLinkLocal)
    }

    /// The MAC address of `ifname` (lower-case, colon-separated). Throws when the link does
    /// not exist.
    public func mac(of ifname: String) throws -> String? {
        try IPRoute2.mac(netns: name, of: ifname)
    }
}
