import Foundation
import Testing
@testable import MultinetCNI
@testable import MultinetPlanning

@Suite("conf dir")
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
            CNIError(reporting: $0).msg.contains("\"zzz\" (defaultNetwork) has no configuration file")
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
            CNIError(reporting: $0).msg.contains("cannot read the CNI conf dir")
        }
    }
}
