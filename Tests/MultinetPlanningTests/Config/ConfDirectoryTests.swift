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

    @Test("multinet's own configuration: the first file with a multinet plugin, parsed as the runtime passes it", arguments: [
        // (files, expected namespaceIsolation or nil for none, expected error fragment)
        ([("00-multinet.conflist", #"{"cniVersion":"1.0.0","name":"mn","plugins":[{"type":"multinet","namespaceIsolation":true}]}"#),
          ("10-b.conflist", #"{"cniVersion":"1.0.0","name":"b","plugins":[{"type":"bridge"}]}"#)], "mn true", nil),
        ([("00-multinet.conf", #"{"cniVersion":"0.4.0","name":"single","type":"multinet"}"#)], "single false", nil),
        ([("05-broken.conf", "{not json"),
          ("10-multinet.conflist", #"{"cniVersion":"1.0.0","name":"late","plugins":[{"type":"multinet"}]}"#)], "late false", nil),
        ([("10-b.conflist", #"{"cniVersion":"1.0.0","name":"b","plugins":[{"type":"bridge"}]}"#)], nil, nil),
        ([("00-multinet.conflist", #"{"cniVersion":"1.0.0","name":"mn","plugins":[{"type":"multinet","namespaceIsolation":"yes"}]}"#)],
         nil, "00-multinet.conflist is invalid"),
        ([("00-multinet.conflist", #"{"cniVersion":"9.9.9","name":"mn","plugins":[{"type":"multinet"}]}"#)],
         nil, "9.9.9"),
    ] as [([(String, String)], String?, String?)])
    func ownConfig(files: [(String, String)], expected: String?, error: String?) throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (name, text) in files { try write(name, text) }
        let directory = ConfDirectory(path: dir, ownName: "")
        if let error {
            #expect { try directory.ownConfig() } throws: { CNIError(reporting: $0).msg.contains(error) }
            return
        }
        let found = try directory.ownConfig()
        #expect(found.map { "\($0.config.name) \($0.config.namespaceIsolation)" } == expected)
        if let found { #expect(found.path.hasPrefix(dir + "/")) }
    }
}
