import Foundation
import KubeAPIServerDouble
import MultinetTestSupport
import Testing

/// YAML kubeconfigs the plugin must refuse, through the real binary: code 7, a message
/// naming the kubeconfig file and the line at fault, the token never quoted, nothing attached.
@Suite("End to end: broken YAML kubeconfigs", .endToEnd)
struct KubeconfigRejectionTests {
    /// One way to break the double's YAML kubeconfig (`lines`, without line ends): the
    /// broken bytes, the 1-based line the message must name, and a fragment of the problem.
    struct Breakage: Sendable, CustomTestStringConvertible {
        var name: String
        var fragment: String
        var breaking: @Sendable (_ lines: [String], _ tokenLine: Int) -> (bytes: [UInt8], line: Int)
        var testDescription: String { name }
    }

    static func joined(_ lines: [String]) -> [UInt8] { Array((lines.joined(separator: "\n") + "\n").utf8) }

    static func replacingToken(_ lines: [String], _ index: Int, _ text: String) -> [UInt8] {
        var lines = lines
        lines[index - 1] = text
        return joined(lines)
    }

    static let breakages: [Breakage] = [
        Breakage(name: "invalid YAML (a second colon after the token)", fragment: "mapping values are not allowed in this context") {
            lines, token in (replacingToken(lines, token, lines[token - 1] + ": more"), token)
        },
        Breakage(name: "a tab in the indentation", fragment: "found character that cannot start any token") { lines, token in
            (replacingToken(lines, token, "\t" + lines[token - 1].drop { $0 == " " }), token)
        },
        Breakage(name: "a key indented less than the one before it", fragment: "did not find expected key") { lines, token in
            var lines = lines
            lines.insert(String(lines[token - 1].dropFirst()), at: token)
            return (joined(lines), token + 1)
        },
        Breakage(name: "not UTF-8", fragment: "not UTF-8 text") { lines, token in
            var bytes = joined(Array(lines[..<(token - 1)]))
            bytes += Array(lines[token - 1].utf8) + [0xFE, 0x0A]
            bytes += joined(Array(lines[token...]))
            return (bytes, token)
        },
        Breakage(name: "an alias bomb", fragment: "aliases expand the document by more than 100000 nodes") { lines, _ in
            var extra = ["b0: &b0 [x, x, x, x, x, x, x, x, x, x]"]
            for level in 1...6 {
                extra.append("b\(level): &b\(level) [" + Array(repeating: "*b\(level - 1)", count: 10).joined(separator: ", ") + "]")
            }
            return (joined(lines + extra), lines.count + 5)
        },
        Breakage(name: "nesting deeper than 128 levels", fragment: "nest deeper than 128 levels") { lines, _ in
            (joined(lines + ["deep: " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200)]), lines.count + 1)
        },
        Breakage(name: "two documents", fragment: "a second YAML document starts here") { lines, _ in
            (joined(lines + ["---"] + lines), lines.count + 1)
        },
        Breakage(name: "a mapping where the token string is expected", fragment: "token: expected a string, found an object") {
            lines, token in
            let indent = lines[token - 1].prefix { $0 == " " }
            let value = lines[token - 1].split(separator: ":", maxSplits: 1)[1].trimmingCharacters(in: .whitespaces)
            return (replacingToken(lines, token, indent + "token: {value: \(value)}"), token)
        },
    ]

    @Test("a broken YAML kubeconfig fails the ADD with code 7, its file and line, and nothing attached", arguments: breakages)
    func refuses(_ breakage: Breakage) async throws {
        let setup = try await ApiserverTests.Setup.make(format: .yaml)
        do {
            let lines = try String(contentsOfFile: setup.kubeconfig, encoding: .utf8).split(separator: "\n").map(String.init)
            let token = try #require(lines.firstIndex { $0.contains("token: ") }, "no token in:\n\(lines)") + 1
            let (bytes, line) = breakage.breaking(lines, token)
            try Data(bytes).write(to: URL(fileURLWithPath: setup.kubeconfig))
            let ns = try setup.node.namespace()
            let id = RuntimeInvocation.randomContainerID()
            let config = setup.config()
            let result = try await setup.node.runner.run(setup.invocation("ADD", containerID: id, netns: ns.path, config: config))
            #expect(result.exitCode == 1, "\(result.summary)")
            let error = try #require(result.cniError, "\(result.summary)")
            #expect(error.code == 7, "\(error)")
            #expect(error.description.contains("kubeconfig \(setup.kubeconfig)"), "\(error)")
            #expect(error.description.contains("line \(line), column "), "\(error)")
            #expect(error.description.contains(breakage.fragment), "\(error)")
            #expect(!error.description.contains(KubeAPIServerConfiguration.defaultToken), "the token leaked into the error")
            #expect(setup.server.requests.count == 0)
            #expect(try ns.links().filter { $0 != "lo" }.isEmpty)
            #expect(try setup.node.reservations.ips().isEmpty)
            #expect(try setup.node.records().isEmpty)
            try await setup.node.run("DEL", containerID: id, netns: ns.path, config: config).requireSuccess()
            let log = (try? String(contentsOfFile: setup.node.logFile, encoding: .utf8)) ?? ""
            #expect(!log.contains(KubeAPIServerConfiguration.defaultToken), "the token leaked into the log")
        } catch {
            await setup.cleanUp()
            throw error
        }
        await setup.cleanUp()
    }
}
