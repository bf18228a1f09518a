import Foundation
import Testing
@testable import MultinetCore
@testable import MultinetCNI
@testable import MultinetPlanning

@Suite("conf dir and plugin lookup")
struct ConfDirectoryTests {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("multinet-conf-\(UUID().uuidString)").path

    func write(_ name: String, _ text: String) throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
    }

    @Test("the default is the first usable file in lexical order, not multinet's own, skipping broken ones")
    func lexicalDefault() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write("00-multinet.conflist", #"{"cniVersion":"1.0.0","name":"multinet","plugins":[{"type":"multinet"}]}"#)
        try write("05-broken.conf", "{not json")
        try write("10-b.conflist", #"{"cniVersion":"1.0.0","name":"b","plugins":[{"type":"bridge"}]}"#)
        try write("20-a.conf", #"{"cniVersion":"1.0.0","name":"a","type":"macvlan"}"#)
        try write("README.md", "not a config")
        var skipped: [String] = []
        let dirRef = ConfDirectory(path: dir, ownName: "multinet")
        let file = try dirRef.defaultNetwork(named: nil) { name, _ in skipped.append(name) }
        #expect(file.list.name == "b")
        #expect(skipped == ["05-broken.conf"])
        #expect(try dirRef.defaultNetwork(named: "a").list.name == "a")
        #expect { try dirRef.defaultNetwork(named: "zzz") } throws: {
            ($0 as? CNIError)?.msg.contains("\"zzz\" (defaultNetwork) has no configuration file") == true
        }
    }

    @Test("a .conflist wins over a .conf of the same network name")
    func conflistFirst() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write("01-n.conf", #"{"cniVersion":"1.0.0","name":"n","type":"macvlan"}"#)
        try write("99-n.conflist", #"{"cniVersion":"1.0.0","name":"n","plugins":[{"type":"bridge"}]}"#)
        let file = try ConfDirectory(path: dir, ownName: "multinet").network(named: "n")
        #expect(file?.list.pluginTypes == ["bridge"])
    }

    @Test("a missing conf dir is a clear error")
    func missingDir() {
        #expect { try ConfDirectory(path: dir + "/absent", ownName: "multinet").defaultNetwork(named: nil) } throws: {
            ($0 as? CNIError)?.msg.contains("cannot read the CNI conf dir") == true
        }
    }

    @Test("plugins are found only as bare names in the given directories")
    func pluginLocator() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write("plug", "#!/bin/sh\n")
        try write("noexec", "#!/bin/sh\n")
        chmod(dir + "/plug", 0o755)
        #expect(try PluginLocator.find(type: "plug", in: ["/nonexistent", dir]) == dir + "/plug")
        #expect(throws: CNIError.self) { try PluginLocator.find(type: "noexec", in: [dir]) }
        #expect(throws: CNIError.self) { try PluginLocator.find(type: "../\(URL(fileURLWithPath: dir).lastPathComponent)/plug", in: [dir]) }
        #expect(throws: CNIError.self) { try PluginLocator.find(type: dir + "/plug", in: ["/"]) }
        // relative directories in the search path are ignored
        #expect(throws: CNIError.self) { try PluginLocator.find(type: "plug", in: ["relative"]) }
    }

    @Test("a symbolic link is followed only to a target inside one of the plugin directories")
    func pluginSymlinks() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let files = FileManager.default
        for sub in ["bin", "other", "outside"] {
            try files.createDirectory(atPath: dir + "/" + sub, withIntermediateDirectories: true)
        }
        try write("bin/real", "#!/bin/sh\n")
        try write("other/elsewhere", "#!/bin/sh\n")
        try write("outside/evil", "#!/bin/sh\n")
        for path in ["bin/real", "other/elsewhere", "outside/evil"] { chmod(dir + "/" + path, 0o755) }
        try files.createSymbolicLink(atPath: dir + "/bin/inside", withDestinationPath: "real")
        try files.createSymbolicLink(atPath: dir + "/bin/across", withDestinationPath: dir + "/other/elsewhere")
        try files.createSymbolicLink(atPath: dir + "/bin/evil", withDestinationPath: "../outside/evil")
        try files.createSymbolicLink(atPath: dir + "/linked-bin", withDestinationPath: dir + "/bin")
        let bin = dir + "/bin", other = dir + "/other"
        #expect(try PluginLocator.find(type: "inside", in: [bin]) == bin + "/inside")
        #expect(try PluginLocator.find(type: "across", in: [bin, other]) == bin + "/across")
        // A plugin directory that is itself a link is fine: targets are compared by real path.
        #expect(try PluginLocator.find(type: "real", in: [dir + "/linked-bin"]) == dir + "/linked-bin/real")
        #expect(try PluginLocator.find(type: "inside", in: [dir + "/linked-bin"]) == dir + "/linked-bin/inside")
        #expect { try PluginLocator.find(type: "across", in: [bin]) } throws: { error in
            let error = error as? CNIError
            return error?.code == 7 && error?.msg.contains("plugin \"across\"") == true
                && error?.msg.contains("symbolic link to \(other)/elsewhere") == true
        }
        #expect { try PluginLocator.find(type: "evil", in: [bin, other]) } throws: { error in
            let error = error as? CNIError
            return error?.code == 7 && error?.msg.contains("\(dir)/outside/evil, outside the plugin directories") == true
        }
    }
}
