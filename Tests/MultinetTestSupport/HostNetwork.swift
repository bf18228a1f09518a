import Foundation

/// Links in the host (the test process's own) network namespace: bridges the bridge plugin
/// creates, veth pairs used as macvlan parents.
///
/// Names are global on the host, so tests never hard-code them: take them from
/// ``uniqueName(prefix:)`` and delete them in a `defer`.
public enum HostNetwork {
    /// The kernel's limit for interface names (`IFNAMSIZ - 1`).
    public static let maximumNameLength = 15

    /// A fresh interface name: `prefix` (cut to 9 characters) followed by random hex digits,
    /// at most ``maximumNameLength`` characters in all and never a name that exists now.
    public static func uniqueName(prefix: String = "mnt") -> String {
        let head = String(prefix.prefix(maximumNameLength - 6))
        let digits = min(8, maximumNameLength - head.count)
        while true {
            let name = head + randomHex(digits)
            if (try? linkExists(name)) != true { return name }
        }
    }

    /// Whether a link of that name exists in the host namespace.
    public static func linkExists(_ name: String) throws -> Bool {
        try IPRoute2.linkExists(netns: nil, name)
    }

    /// The names of all links in the host namespace.
    public static func links() throws -> [String] {
        try IPRoute2.linkNames(netns: nil)
    }

    /// Deletes a link from the host namespace; one that does not exist is not an error.
    /// Other failures are reported as a Swift Testing issue, so this can be called from `defer`.
    public static func deleteLink(_ name: String) {
        do {
            let result = try Shell.run(["ip", "link", "delete", name])
            guard !result.succeeded else { return }
            if result.stderr.contains("Cannot find device") || result.stderr.contains("does not exist") { return }
            if try linkExists(name) { try result.requireSuccess() }
        } catch {
            TestIssue.record("could not delete link \(name): \(error)")
        }
    }

    /// Creates a veth pair `a`–`b` in the host namespace and sets both ends up, e.g. as the
    /// parent (`master`) of macvlan interfaces, which the kernel here cannot put on a dummy
    /// link. Deleting either end deletes both.
    public static func createVethPair(_ a: String, _ b: String) throws {
        try Shell.check(["ip", "link", "add", a, "type", "veth", "peer", "name", b])
        do {
            try Shell.check(["ip", "link", "set", a, "up"])
            try Shell.check(["ip", "link", "set", b, "up"])
        } catch {
            deleteLink(a)
            throw error
        }
    }

    /// Creates a Linux bridge in the host namespace and sets it up.
    public static func createBridge(_ name: String) throws {
        try Shell.check(["ip", "link", "add", name, "type", "bridge"])
        do {
            try Shell.check(["ip", "link", "set", name, "up"])
        } catch {
            deleteLink(name)
            throw error
        }
    }

    /// The addresses of a host link as `ADDRESS/PREFIX` strings, IPv4 first; link-local
    /// ones only when `includeLinkLocal` is set.
    public static func addresses(of name: String, includeLinkLocal: Bool = false) throws -> [String] {
        try IPRoute2.addresses(netns: nil, of: name, includeLinkLocal: includeLinkLocal)
    }

    /// The MAC address of a host link.
    public static func mac(of name: String) throws -> String? {
        try IPRoute2.mac(netns: nil, of: name)
    }

    /// `count` random lower-case hex digits.
    static func randomHex(_ count: Int) -> String {
        let alphabet = Array("0123456789abcdef")
        return String((0..<count).map { _ in alphabet[Int.random(in: 0..<16)] })
    }
}
