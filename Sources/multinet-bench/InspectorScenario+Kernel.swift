import MultinetSystem

#if canImport(Glibc)
import Glibc
#endif

extension InspectorScenario {
    /// The netns a stored pod records: `/var/run/netns/mnbench-<pod>`.
    static func netnsName(_ pod: Int) -> String { "mnbench-\(pod)" }

    /// Gives each stored pod a real netns whose links, addresses and MACs are the ones its
    /// records hold (veth ends; their peers wait in the host netns), so a refresh reads
    /// the kernel as on a busy node and finds no drift. Needs root and `ip`; returns
    /// `false` (each netns is then `unknown`, and the figure says so) otherwise.
    func createNamespaces() -> Bool {
        guard geteuid() == 0, let ip = ["/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip"].first(where: FileSystem.exists) else {
            return false
        }
        for pod in 0..<podsOnNode {
            let name = Self.netnsName(pod)
            var lines: [String] = []
            for slot in 0..<Self.attachmentsPerPod {
                let ifName = slot == 0 ? "eth0" : "net\(slot)"
                lines.append("link add \(ifName) type veth peer name mnb\(pod)x\(slot) netns 1")
                lines.append("addr add \(Self.address(pod: pod, slot: slot)) dev \(ifName)")
                lines.append("link set \(ifName) address \(Self.mac(pod: pod))")
            }
            do {
                _ = try? ProcessRunner.run(ProcessRequest(executable: ip, arguments: ["netns", "del", name], environment: [], timeoutSeconds: 30))
                let added = try ProcessRunner.run(ProcessRequest(executable: ip, arguments: ["netns", "add", name], environment: [], timeoutSeconds: 30))
                let linked = try ProcessRunner.run(ProcessRequest(executable: ip, arguments: ["-n", name, "-batch", "-"], environment: [],
                                                                  stdin: Array((lines.joined(separator: "\n") + "\n").utf8),
                                                                  timeoutSeconds: 30))
                guard added.exit == .exited(0), linked.exit == .exited(0) else {
                    log("  (e): ip could not set up netns \(name): \(String(decoding: linked.stderr, as: UTF8.self))")
                    removeNamespaces()
                    return false
                }
            } catch {
                removeNamespaces()
                return false
            }
        }
        return true
    }

    /// Deletes the netns (their veths go with them).
    func removeNamespaces() {
        guard let ip = ["/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip"].first(where: FileSystem.exists) else { return }
        for pod in 0..<podsOnNode where FileSystem.exists("/var/run/netns/" + Self.netnsName(pod)) {
            _ = try? ProcessRunner.run(ProcessRequest(executable: ip, arguments: ["netns", "del", Self.netnsName(pod)], environment: [], timeoutSeconds: 30))
        }
    }

    /// A stored attachment's address.
    static func address(pod: Int, slot: Int) -> String { "10.\(100 + slot).\(pod / 200).\(pod % 200 + 2)/16" }

    /// A stored pod's MAC (every interface of the pod has it).
    static func mac(pod: Int) -> String { "0a:58:0a:00:00:" + String(pod % 256, radix: 16).leftPadded(to: 2) }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
