import MultinetSystem
import MultinetTestSupport
import Testing
@testable import MultinetInspector

@Suite("themes")
struct ThemeTests {
    static let themesDirectory: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/themes"
    }()

    @Test("every shipped theme loads and defines every role", arguments: ["default", "light", "high-contrast",
                                                                          "monochrome"])
    func shipped(name: String) throws {
        let theme = try Theme.named(name, searchPaths: [Self.themesDirectory])
        #expect(theme.name == name)
        let text = String(decoding: try FileSystem.read("\(Self.themesDirectory)/\(name).yaml"), as: UTF8.self)
        for role in StyleRole.allCases { #expect(text.contains("\n  \(role.rawValue):"), "\(role)") }
    }

    @Test("themes/default.yaml is the built-in default")
    func defaultMatchesBuiltin() throws {
        #expect(try Theme.load(path: "\(Self.themesDirectory)/default.yaml") == Theme.builtinDefault)
        #expect(try Theme.named("default", searchPaths: []) == Theme.builtinDefault)
    }

    @Test("colours parse as names, #hex, indices and default")
    func colours() {
        #expect(ThemeColor(parsing: "red") == .indexed(1))
        #expect(ThemeColor(parsing: "BrightBlue") == .indexed(12))
        #expect(ThemeColor(parsing: "bright-white") == .indexed(15))
        #expect(ThemeColor(parsing: "grey") == .indexed(8))
        #expect(ThemeColor(parsing: "default") == .terminalDefault)
        #expect(ThemeColor(parsing: "#ff8000") == .rgb(red: 255, green: 128, blue: 0))
        #expect(ThemeColor(parsing: "#f80") == .rgb(red: 255, green: 136, blue: 0))
        #expect(ThemeColor(parsing: "236") == .indexed(236))
        for bad in ["256", "-1", "#ff", "#gggggg", "purple", ""] { #expect(ThemeColor(parsing: bad) == nil, "\(bad)") }
    }

    @Test("a file's styles override the default; roles it leaves out fall back to it")
    func fallback() throws {
        let theme = try Theme.parse(yaml: """
            name: mine
            styles:
              failed: { fg: "#d70000", bg: 17, attrs: [bold, underline] }
              ok: { attrs: "dim, bold" }
            """, file: "mine.yaml")
        #expect(theme.name == "mine")
        #expect(theme.style(.failed) == ThemeStyle(fg: .rgb(red: 0xD7, green: 0, blue: 0), bg: .indexed(17),
                                                  attrs: [.bold, .underline]))
        #expect(theme.style(.ok) == ThemeStyle(attrs: [.dim, .bold]))
        #expect(theme.style(.header) == Theme.builtinDefault.style(.header))
    }

    @Test("broken theme files name the file, the key and the line", arguments: [
        ("name: x\nstyles:\n  header:\n    fg: purple\n", "styles.header.fg", 4, "expected a colour"),
        ("styles:\n  header: { fg: red }\n  blinky: { fg: red }\n", "styles.blinky", 3, "unknown style role"),
        ("styles:\n  ok:\n    attrs: [bold, blink]\n", "styles.ok.attrs", 3, "unknown attribute blink"),
        ("styles:\n  ok:\n    colour: red\n", "styles.ok.colour", 3, "unknown key"),
        ("name: x\ncolors: {}\n", "colors", 2, "unknown key"),
        ("styles: [1, 2]\n", "styles", 1, "expected a mapping"),
        ("styles:\n  ok: red\n", "styles.ok", 2, "expected a mapping"),
    ] as [(String, String, Int, String)])
    func errors(yaml: String, key: String, line: Int, message: String) {
        let error = #expect(throws: ThemeError.self) { try Theme.parse(yaml: yaml, file: "themes/broken.yaml") }
        #expect(error?.file == "themes/broken.yaml")
        #expect(error?.key == key)
        #expect(error?.line == line)
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
        #expect(error?.description.hasPrefix("themes/broken.yaml:\(line): \(key): ") == true)
    }

    @Test("invalid YAML names the file and the line")
    func invalidYAML() {
        let error = #expect(throws: ThemeError.self) {
            try Theme.parse(yaml: "styles:\n  ok: { fg: red\n  dim: {}\n", file: "t.yaml")
        }
        #expect(error?.file == "t.yaml")
        #expect(error?.line != nil)
        #expect(error?.message.contains("invalid YAML") == true, "\(String(describing: error))")
    }

    @Test("load names a missing or broken file; named looks in each search path; a path is a path")
    func loading() throws {
        let directory = try TemporaryDirectory(prefix: "multinet-themes")
        defer { directory.remove() }
        let other = try directory.directory("other")
        _ = try directory.write("other/mine.yaml", contents: "styles:\n  ok: { fg: blue }\n")
        let broken = try directory.write("broken.yaml", contents: "styles:\n  ok: { fg: nope }\n")
        #expect(try Theme.named("mine", searchPaths: [directory.path, other]).style(.ok).fg == .indexed(4))
        #expect(try Theme.named("\(other)/mine.yaml", searchPaths: []).name == "mine")
        let brokenError = #expect(throws: ThemeError.self) {
            try Theme.named("broken", searchPaths: [directory.path, other])
        }
        #expect(brokenError?.file == broken && brokenError?.key == "styles.ok.fg" && brokenError?.line == 2)
        let absent = #expect(throws: ThemeError.self) { try Theme.named("absent", searchPaths: [directory.path]) }
        #expect(absent?.message.contains("no theme called absent") == true)
        let missing = #expect(throws: ThemeError.self) { try Theme.load(path: directory.file("nope.yaml")) }
        #expect(missing?.file == directory.file("nope.yaml") && missing?.message == "no such theme file")
    }

    @Test("colours resolve to the terminal's palette", arguments: [
        (ThemeColor.indexed(196), 256, Int?.some(196)),
        (.rgb(red: 255, green: 0, blue: 0), 256, 196),
        (.rgb(red: 255, green: 0, blue: 0), 16, 9),
        (.rgb(red: 255, green: 0, blue: 0), 8, 1),
        (.indexed(12), 16, 12),
        (.indexed(12), 8, 4),
        (.indexed(196), 16, 9),
        (.indexed(236), 16, 0),
        (.rgb(red: 0x30, green: 0x30, blue: 0x30), 256, 236),
        (.terminalDefault, 256, nil),
        (.indexed(3), 0, nil),
    ] as [(ThemeColor, Int, Int?)])
    func resolve(color: ThemeColor, count: Int, expected: Int?) {
        #expect(ResolvedTheme.resolve(color, count: count) == expected)
    }

    @Test("NO_COLOR and colourless terminals keep attributes only; header and selection are reversed")
    func noColor() {
        for (colors, noColor) in [(256, true), (2, false)] {
            let resolved = ResolvedTheme(Theme.builtinDefault, colors: colors, noColor: noColor)
            #expect(resolved.colors == 0)
            #expect(StyleRole.allCases.allSatisfy { resolved.style($0).fg == nil && resolved.style($0).bg == nil })
            #expect(resolved.style(.failed).attrs == [.bold])
            #expect(resolved.style(.selected).attrs == [.bold, .reverse])
        }
        let colour = ResolvedTheme(Theme.builtinDefault, colors: 88, noColor: false)
        #expect(colour.colors == 16 && colour.style(.header) == ResolvedStyle(fg: 15, bg: 4, attrs: [.bold]))
    }
}
