import Foundation
import Synchronization

/// What the demo created on this machine — network namespaces, links, its directory — so
/// that it can all be removed on exit, and also from a signal handler on Ctrl-C.
final class DemoResources: Sendable {
    private let state = Mutex<(namespaces: [String], links: [String])>(([], []))
    /// The demo's directory.
    let root: String

    init(root: String) {
        self.root = root
    }

    var namespaces: [String] { state.withLock { $0.namespaces } }
    var links: [String] { state.withLock { $0.links } }

    func add(namespace: String) { state.withLock { $0.namespaces.append(namespace) } }
    func add(link: String) { state.withLock { $0.links.append(link) } }

    /// Removes everything, best effort; safe to call twice.
    func cleanUp() {
        let (namespaces, links) = state.withLock { s in
            defer { s = ([], []) }
            return (s.namespaces, s.links)
        }
        for ns in namespaces { Self.run(["ip", "netns", "del", ns]) }
        for link in links { Self.run(["ip", "link", "del", link]) }
        try? FileManager.default.removeItem(atPath: root)
    }

    private static func run(_ args: [String]) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = args
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
        process.waitUntilExit()
    }
}
