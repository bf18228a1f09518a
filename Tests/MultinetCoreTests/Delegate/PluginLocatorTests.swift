import Foundation
import MultinetCNI
@testable import MultinetCore
import MultinetTestSupport
import Testing

@Suite("plugin lookup")
struct PluginLocatorTests {
    @Test("plugins are found only as bare names in the given directories")
    func pluginLocator() throws {
        let scratch = try TemporaryDirectory(prefix: "multinet-plugins")
        defer { scratch.remove() }
        let dir = scratch.path
        try scratch.write("plug", contents: "#!/bin/sh\n")
        try scratch.write("noexec", contents: "#!/bin/sh\n")
        chmod(dir + "/plug", 0o755)
        #expect(try PluginLocator.find(type: "plug", in: ["/nonexistent", dir]) == dir + "/plug")
        #expect(throws: PluginLookupFailure.self) { try PluginLocator.find(type: "noexec", in: [dir]) }
        #expect(throws: PluginLookupFailure.self) { try PluginLocator.find(type: "../\(URL(fileURLWithPath: dir).lastPathComponent)/plug", in: [dir]) }
        #expect(throws: PluginLookupFailure.self) { try PluginLocator.find(type: dir + "/plug", in: ["/"]) }
        // relative directories in the search path are ignored
        #expect(throws: PluginLookupFailure.self) { try PluginLocator.find(type: "plug", in: ["relative"]) }
    }

    @Test("a symbolic link is followed only to a target inside one of the plugin directories")
    func pluginSymlinks() throws {
        let scratch = try TemporaryDirectory(prefix: "multinet-plugins")
        defer { scratch.remove() }
        let dir = scratch.path
        let files = FileManager.default
        for sub in ["bin", "other", "outside"] {
            try files.createDirectory(atPath: dir + "/" + sub, withIntermediateDirectories: true)
        }
        for path in ["bin/real", "other/elsewhere", "outside/evil"] { try scratch.write(path, contents: "#!/bin/sh\n") }
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
            guard case .linkOutsideDirectories(let type, _, let target, _)? = error as? PluginLookupFailure else { return false }
            let error = CNIError(reporting: error)
            return type == "across" && target == "\(other)/elsewhere" && error.code == 7 && error.msg.contains("plugin \"across\"")
                && error.msg.contains("symbolic link to \(other)/elsewhere")
        }
        #expect { try PluginLocator.find(type: "evil", in: [bin, other]) } throws: { error in
            let error = (error as? PluginLookupFailure)?.cniError
            return error?.code == 7 && error?.msg.contains("\(dir)/outside/evil, outside the plugin directories") == true
        }
    }
}
