import Foundation

/// What end-to-end tests need from the machine, checked once per test process: root, the
/// reference CNI plugins from Debian's `containernetworking-plugins`, iproute2's `ip`, and a
/// kernel that lets us create network namespaces, bridges and veth pairs.
///
/// ## How end-to-end tests use it
/// Tag the test or suite with ``EndToEndTrait/endToEnd``; its body runs only when every
/// prerequisite is there:
/// ```swift
/// @Suite(.endToEnd, .serialized)
/// struct BridgeTests {
///     @Test func addAndDelete() async throws {
///         let netns = try NetworkNamespace.create()
///         defer { netns.delete() }
///         …
///     }
/// }
/// ```
/// - Everything present: the tests run.
/// - Something missing, `MULTINET_REQUIRE_E2E` unset: the tests are skipped, and the skip
///   comment names exactly what is missing (``skipReason``).
/// - Something missing, `MULTINET_REQUIRE_E2E=1` (CI): the tests are *not* skipped; each
///   fails at once with that list, without running its body, so CI can never pass by
///   skipping them.
public enum E2EEnvironment {
    /// The environment variable that turns missing prerequisites into failures.
    public static let requireVariable = "MULTINET_REQUIRE_E2E"

    /// The reference plugins the end-to-end tests call.
    public static let requiredPlugins = ["bridge", "host-local", "macvlan", "loopback"]

    /// Human-readable descriptions of every missing prerequisite; empty when end-to-end
    /// tests can run. Checked once, on first use.
    public static var missing: [String] { probed }

    /// Whether missing prerequisites must fail the tests (`MULTINET_REQUIRE_E2E` is `1`,
    /// `true` or `yes`) instead of skipping them.
    public static var isRequired: Bool {
        let value = ProcessInfo.processInfo.environment[requireVariable]?.lowercased() ?? ""
        return ["1", "true", "yes"].contains(value)
    }

    /// Why end-to-end tests are skipped here, or `nil` when they can run.
    public static var skipReason: String? {
        missing.isEmpty ? nil : "end-to-end prerequisites missing: " + missing.joined(separator: "; ")
            + " (set \(requireVariable)=1 to fail instead of skipping)"
    }

    /// What to do with an end-to-end test, given what is missing and whether it is required.
    public enum Decision: Sendable, Equatable {
        /// Run the test.
        case run
        /// Skip the test, with this comment.
        case skip(String)
        /// Fail the test at once with this message.
        case fail(String)
    }

    /// The decision for this machine and environment.
    public static var decision: Decision {
        decision(missing: missing, isRequired: isRequired)
    }

    /// The decision for a given list of missing prerequisites (a pure function, for tests).
    public static func decision(missing: [String], isRequired: Bool) -> Decision {
        if missing.isEmpty { return .run }
        let list = missing.joined(separator: "; ")
        if isRequired {
            return .fail("\(requireVariable) is set but end-to-end prerequisites are missing: \(list)")
        }
        return .skip("end-to-end prerequisites missing: \(list) (set \(requireVariable)=1 to fail instead of skipping)")
    }

    // MARK: - Probing

    private static let probed: [String] = probe()

    private static func probe() -> [String] {
        var missing: [String] = []
        let uid = geteuid()
        let isRoot = uid == 0
        if !isRoot {
            missing.append("not running as root (uid \(uid))")
        }
        for plugin in requiredPlugins {
            let path = RuntimeInvocation.debianPluginDirectory + "/" + plugin
            if !FileManager.default.fileExists(atPath: path) {
                missing.append("Debian package containernetworking-plugins: \(path) not found")
            } else if !FileManager.default.isExecutableFile(atPath: path) {
                missing.append("Debian package containernetworking-plugins: \(path) is not executable")
            }
        }
        guard Shell.which("ip") != nil else {
            missing.append("Debian package iproute2: `ip` not found in \(Shell.searchPath.joined(separator: ":"))")
            return missing
        }
        // Kernel support can only be probed as root; without root that is already reported.
        guard isRoot else { return missing }
        missing += probeKernel()
        return missing
    }

    /// Creates and deletes a bridge, a veth pair and a network namespace.
    private static func probeKernel() -> [String] {
        var missing: [String] = []
        let bridge = HostNetwork.uniqueName(prefix: "mntprb")
        if let problem = attempt(["ip", "link", "add", bridge, "type", "bridge"]) {
            missing.append("kernel: cannot create a bridge link (\(problem))")
        } else {
            _ = try? Shell.run(["ip", "link", "delete", bridge])
        }
        let veth = HostNetwork.uniqueName(prefix: "mntprv")
        if let problem = attempt(["ip", "link", "add", veth, "type", "veth", "peer", "name", veth + "p"]) {
            missing.append("kernel: cannot create a veth pair (\(problem))")
        } else {
            _ = try? Shell.run(["ip", "link", "delete", veth])
        }
        let netns = "mntprobe-" + HostNetwork.randomHex(8)
        if let problem = attempt(["ip", "netns", "add", netns]) {
            missing.append("cannot create a network namespace (\(problem))")
        } else {
            _ = try? Shell.run(["ip", "netns", "delete", netns])
        }
        return missing
    }

    /// `nil` when the command succeeds, else what went wrong.
    private static func attempt(_ command: [String]) -> String? {
        do {
            let result = try Shell.run(command, timeout: 20)
            if result.succeeded { return nil }
            let message = result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            return "`\(TestSupportError.render(command))`: \(message.isEmpty ? "exit \(result.status)" : message)"
        } catch {
            return "\(error)"
        }
    }
}
