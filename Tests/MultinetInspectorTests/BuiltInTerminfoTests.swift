import Foundation
import MultinetTestSupport
import Testing
@testable import MultinetInspector

/// The inspector's built-in terminfo entries and the private directory curses reads them
/// from when the host's database has no entry for `TERM`.
@Suite("built-in terminfo entries", .serialized)
struct BuiltInTerminfoTests {
    @Test("which entry an unknown TERM falls back to", arguments: [
        ("no-such-terminal", "xterm-256color"), ("xterm-kitty", "xterm-256color"), ("xterm-ghostty", "xterm-256color"),
        ("alacritty", "xterm-256color"), ("tmux-direct", "xterm-256color"), ("XTERM-NEW", "xterm-256color"),
        ("", "vt100"), ("dumb", "vt100"), ("unknown", "vt100"), ("Dumb", "vt100"), ("network", "vt100"), ("dialup", "vt100"),
        ("vt52", "vt100"), ("vt220", "vt100"), ("vt100-nav", "vt100"), ("ansi", "vt100"), ("ansi.sys", "vt100"),
    ])
    func fallback(term: String, expected: String) {
        #expect(BuiltInTerminfo.fallback(forTerm: term).name == expected)
    }

    @Test("an unset TERM falls back to vt100")
    func unsetTerm() {
        #expect(BuiltInTerminfo.fallback(forTerm: nil) == .vt100)
    }

    @Test("each entry is a compiled terminfo entry named as its file", arguments: [BuiltInTerminfo.xterm256color, .vt100])
    func compiledEntry(entry: BuiltInTerminfo) throws {
        let bytes = entry.bytes
        try #require(bytes.count > 12)
        // The header: a magic number (0432 legacy, 01036 with 32-bit numbers), then the
        // names section's size; the names are `|`-separated, the first is the terminal's.
        let magic = Int(bytes[0]) | Int(bytes[1]) << 8
        #expect(magic == 0o432 || magic == 0o1036, "magic \(String(magic, radix: 8))")
        let namesSize = Int(bytes[2]) | Int(bytes[3]) << 8
        try #require(namesSize > 1 && 12 + namesSize <= bytes.count)
        let names = String(decoding: bytes[12..<(12 + namesSize - 1)], as: UTF8.self).split(separator: "|")
        #expect(names.first.map(String.init) == entry.name)
        #expect(entry.relativePath == "\(entry.name.first!)/\(entry.name)")
    }

    @Test("the private directory holds the entry where ncurses looks (0700, 0600), and remove() leaves nothing")
    func privateDirectory() throws {
        let scratch = try TemporaryDirectory(prefix: "terminfo-test")
        defer { scratch.remove() }
        let directory = try PrivateTerminfoDirectory(entry: .xterm256color, base: scratch.path)
        #expect(directory.path.hasPrefix(scratch.path + "/multinet-terminfo."))
        #expect(directory.entryPath == directory.path + "/x/xterm-256color")
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: directory.entryPath))) == BuiltInTerminfo.xterm256color.bytes)
        #expect(try Self.mode(directory.path) == 0o700)
        #expect(try Self.mode(directory.path + "/x") == 0o700)
        #expect(try Self.mode(directory.entryPath) == 0o600)
        // ncurses itself reads it from there: infocmp (Debian's ncurses-bin, essential)
        // decompiles the entry found through TERMINFO.
        let infocmp = try #require(Shell.which("infocmp"), "infocmp (ncurses-bin) is missing")
        let decompiled = try Shell.run(["env", "TERMINFO=\(directory.path)", infocmp, "-1", "xterm-256color"])
        #expect(decompiled.status == 0, "\(decompiled.stderr)")
        #expect(decompiled.stdout.contains("colors#0x100"), "\(decompiled.stdout)")
        #expect(decompiled.stdout.contains("Reconstructed via infocmp from file: \(directory.entryPath)"), "\(decompiled.stdout)")
        directory.remove()
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
        directory.remove()  // twice is harmless
    }

    @Test("a base directory that cannot be written is an error naming it, with nothing left")
    func unwritableBase() throws {
        let missing = "/nonexistent-\(UUID().uuidString)"
        #expect(throws: TerminfoDirectoryError.self) { try PrivateTerminfoDirectory(entry: .vt100, base: missing) }
        do {
            _ = try PrivateTerminfoDirectory(entry: .vt100, base: missing)
        } catch {
            #expect(error.description.contains(missing), "\(error.description)")
        }
    }

    @Test("with(): TERMINFO names the directory during the call, then is restored and the directory removed")
    func withEntry() throws {
        let scratch = try TemporaryDirectory(prefix: "terminfo-test")
        defer { scratch.remove() }
        for previous in [nil, "/some/where"] as [String?] {
            if let previous { setenv("TERMINFO", previous, 1) } else { unsetenv("TERMINFO") }
            let seen = try PrivateTerminfoDirectory.with(.vt100, base: scratch.path) { directory in
                (getenv("TERMINFO").map { String(cString: $0) }, FileManager.default.fileExists(atPath: directory.path + "/v/vt100"), directory.path)
            }
            #expect(seen.0 == seen.2)
            #expect(seen.1)
            #expect(getenv("TERMINFO").map { String(cString: $0) } == previous)
            #expect(!FileManager.default.fileExists(atPath: seen.2))
        }
        unsetenv("TERMINFO")
    }

    @Test("the base is TMPDIR when absolute, else /tmp")
    func base() {
        #expect(PrivateTerminfoDirectory.base(environment: ["TMPDIR": "/var/tmp"]) == "/var/tmp")
        #expect(PrivateTerminfoDirectory.base(environment: ["TMPDIR": "relative"]) == "/tmp")
        #expect(PrivateTerminfoDirectory.base(environment: [:]) == "/tmp")
    }

    static func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}
