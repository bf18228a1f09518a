import Testing
@testable import MultinetJSON
@testable import MultinetYAML

@Suite("YAML reader (libyaml events → JSON value)")
struct YAMLReaderTests {
    /// A YAML text and the JSON it must read as.
    struct Accepted: Sendable, CustomTestStringConvertible {
        var name: String
        var yaml: String
        var json: String
        var testDescription: String { name }
    }

    static let accepted: [Accepted] = [
        Accepted(name: "block mapping with a sequence at its key's indentation, as kubectl writes",
                 yaml: "users:\n- name: u\n  user:\n    token: t\n", json: #"{"users":[{"name":"u","user":{"token":"t"}}]}"#),
        Accepted(name: "indented block sequence", yaml: "a:\n  - 1\n  - x\n", json: #"{"a":[1,"x"]}"#),
        Accepted(name: "flow style", yaml: "{a: [1, two, {b: c}], d: {}}\n", json: #"{"a":[1,"two",{"b":"c"}],"d":{}}"#),
        Accepted(name: "quoted scalars are strings",
                 yaml: "a: \"true\"\nb: '123'\nc: \"null\"\nd: ''\ne: 'it''s'\n",
                 json: #"{"a":"true","b":"123","c":"null","d":"","e":"it's"}"#),
        Accepted(name: "plain null, ~ and nothing are null", yaml: "a: null\nb: ~\nc:\nd: Null\ne: NULL\n",
                 json: #"{"a":null,"b":null,"c":null,"d":null,"e":null}"#),
        Accepted(name: "YAML 1.1 booleans, as go-yaml v2 reads them",
                 yaml: "a: yes\nb: No\nc: ON\nd: off\ne: y\nf: N\ng: True\nh: FALSE\ni: true\n",
                 json: #"{"a":true,"b":false,"c":true,"d":false,"e":true,"f":false,"g":true,"h":false,"i":true}"#),
        Accepted(name: "words that are no boolean stay strings", yaml: "a: yess\nb: TrUe\nc: nope\nd: 'yes'\n",
                 json: #"{"a":"yess","b":"TrUe","c":"nope","d":"yes"}"#),
        Accepted(name: "numbers JSON can write are numbers, kept as written",
                 yaml: "a: 443\nb: -1.5\nc: 1e3\nd: 0\ne: 2.50\n", json: #"{"a":443,"b":-1.5,"c":1e3,"d":0,"e":2.50}"#),
        Accepted(name: "YAML 1.1's other number forms stay the text as written",
                 yaml: "a: 0x1F\nb: 0777\nc: 1_000\nd: +1\ne: .5\nf: .inf\ng: 1.\nh: 2024-01-02\n",
                 json: #"{"a":"0x1F","b":"0777","c":"1_000","d":"+1","e":".5","f":".inf","g":"1.","h":"2024-01-02"}"#),
        Accepted(name: "literal and folded blocks, with chomping",
                 yaml: "a: |\n  line 1\n  line 2\nb: >\n  folded\n  text\n\nc: |-\n  no newline\nd: |+\n  kept\n\n",
                 json: #"{"a":"line 1\nline 2\n","b":"folded text\n","c":"no newline","d":"kept\n\n"}"#),
        Accepted(name: "a plain scalar over several lines is folded", yaml: "a: one\n  two\n   three\n", json: #"{"a":"one two three"}"#),
        Accepted(name: "double-quoted escapes", yaml: #"a: "tab\there \u00e9 \x41 \"q\"""# + "\n", json: #"{"a":"tab\there é A \"q\""}"#),
        Accepted(name: "comments anywhere", yaml: "# head\na: 1 # trailing\n# between\nb: [x, # inside\n  z]\n# end\n",
                 json: #"{"a":1,"b":["x","z"]}"#),
        Accepted(name: "a document start and end marker", yaml: "---\na: 1\n...\n", json: #"{"a":1}"#),
        Accepted(name: "a %YAML directive", yaml: "%YAML 1.1\n---\na: 1\n", json: #"{"a":1}"#),
        Accepted(name: "anchors and aliases are resolved", yaml: "base: &b {x: 1, l: [a]}\ncopy: *b\nname: &n n1\nother: *n\n",
                 json: #"{"base":{"x":1,"l":["a"]},"copy":{"x":1,"l":["a"]},"name":"n1","other":"n1"}"#),
        Accepted(name: "a merge key: later keys win, as in go-yaml v2",
                 yaml: "base: &b {x: 1, z: 2}\nm:\n  <<: *b\n  z: 3\n", json: #"{"base":{"x":1,"z":2},"m":{"x":1,"z":3}}"#),
        Accepted(name: "a merge of a list: the earlier mapping wins",
                 yaml: "a: &a {x: 1}\nb: &b {x: 2, z: 2}\nm: {<<: [*a, *b]}\n",
                 json: #"{"a":{"x":1},"b":{"x":2,"z":2},"m":{"x":1,"z":2}}"#),
        Accepted(name: "a quoted << is an ordinary key", yaml: "'<<': 1\n", json: #"{"<<":1}"#),
        Accepted(name: "a repeated key: the last wins, as kubectl loads kubeconfigs", yaml: "a: 1\nb: 0\na: 2\n", json: #"{"a":2,"b":0}"#),
        Accepted(name: "tags", yaml: "a: !!str 123\nb: !!int 7\nc: !!bool yes\nd: !secret text\ne: !!float 1\nf: !!null ''\ng: !!map {x: 1}\n",
                 json: #"{"a":"123","b":7,"c":true,"d":"text","e":1,"f":null,"g":{"x":1}}"#),
        Accepted(name: "boolean keys become true/false (even y), other keys their text", yaml: "yes: 1\n1: 2\n'no': 3\ny: 4\n",
                 json: #"{"true":4,"1":2,"no":3}"#),
        Accepted(name: "a UTF-8 byte order mark", yaml: "\u{FEFF}a: 1\n", json: #"{"a":1}"#),
        Accepted(name: "CRLF line ends", yaml: "a: 1\r\nb:\r\n- x\r\n", json: #"{"a":1,"b":["x"]}"#),
        Accepted(name: "non-ASCII text", yaml: "name: héllo ✓ 😀\n", json: #"{"name":"héllo ✓ 😀"}"#),
        Accepted(name: "a top-level sequence", yaml: "- 1\n- a\n", json: #"[1,"a"]"#),
        Accepted(name: "an empty document after ---", yaml: "---\n", json: "null"),
        Accepted(name: "an empty file", yaml: "", json: "null"),
        Accepted(name: "only comments and blanks", yaml: "# nothing\n\n  \n", json: "null"),
        Accepted(name: "nesting of exactly 128 levels",
                 yaml: String(repeating: "[", count: 128) + String(repeating: "]", count: 128),
                 json: String(repeating: "[", count: 128) + String(repeating: "]", count: 128)),
    ]

    @Test("accepted documents read as the JSON kubectl would read", arguments: accepted)
    func accepts(_ row: Accepted) throws {
        let value = try JSONValue(parsingYAML: Array(row.yaml.utf8))
        #expect(value == (try JSONValue(parsing: row.json)), "\(value.jsonText)")
    }

    @Test("key order is kept, and a repeated key keeps its first place")
    func keyOrder() throws {
        let value = try JSONValue(parsingYAML: Array("z: 1\na: 2\nm: 3\nz: 4\n".utf8))
        #expect(value.objectValue?.keys == ["z", "a", "m"])
        #expect(value.jsonText == #"{"z":4,"a":2,"m":3}"#)
    }

    @Test("nodes know their line and column; an alias's is its anchor's node")
    func positions() throws {
        let root = try #require(try YAMLNode.parse(Array("a: 1\nb:\n  - x\n  - {c: &k d}\ne: *k\n".utf8)))
        #expect(root.line == 1 && root.column == 1)
        #expect(root.descendant(at: ["a"])?.line == 1)
        #expect(root.descendant(at: ["a"])?.column == 4)
        #expect(root.descendant(at: ["b", "1", "c"])?.line == 4)
        #expect(root.descendant(at: ["b", "1", "c"])?.column == 9)
        #expect(root.descendant(at: ["e"])?.line == 4)
        #expect(root.descendant(at: ["b", "2"]) == nil)
        #expect(root.descendant(at: ["nope"]) == nil)
        let merged = try #require(try YAMLNode.parse(Array("base: &b {x: 1}\nm:\n  <<: *b\n  z: 2\n".utf8)))
        #expect(merged.descendant(at: ["m", "x"])?.line == 1)
        #expect(merged.descendant(at: ["m", "z"])?.line == 4)
    }

    /// A text that must be refused: where, and what the problem says.
    struct Rejected: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var line: Int
        var fragment: String
        var testDescription: String { name }

        init(_ name: String, _ text: String, line: Int, _ fragment: String) {
            self.init(name, Array(text.utf8), line: line, fragment)
        }

        init(_ name: String, _ bytes: [UInt8], line: Int, _ fragment: String) {
            self.name = name
            self.bytes = bytes
            self.line = line
            self.fragment = fragment
        }
    }

    /// `a: [*x, *x, …]` ten levels deep: 10^10 nodes once expanded.
    static let aliasBomb: String = {
        var lines = ["l0: &l0 [SECRET, SECRET, SECRET, SECRET, SECRET, SECRET, SECRET, SECRET, SECRET, SECRET]"]
        for level in 1...9 {
            lines.append("l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    static let rejected: [Rejected] = [
        Rejected("an unclosed flow sequence", "a: [SECRET, 2\nb: 1\n", line: 2, "did not find expected ',' or ']'"),
        Rejected("a tab as indentation", "a:\n\tb: SECRET\n", line: 2, "found character that cannot start any token"),
        Rejected("a key indented less than its siblings", "a:\n    b: SECRET\n  c: 2\n", line: 3, "did not find expected key"),
        Rejected("a mapping value where none may be", "a: b: SECRET\n", line: 1, "mapping values are not allowed in this context"),
        Rejected("an unclosed quote", "a: \"SECRET\n", line: 2, "found unexpected end of stream"),
        Rejected("a byte that is not UTF-8", [0x61, 0x3A, 0x20, 0x53, 0x45, 0x43, 0x0A, 0x62, 0x3A, 0x20, 0xFF, 0x0A], line: 2,
                 "not UTF-8 text (invalid leading UTF-8 octet)"),
        Rejected("a truncated UTF-8 sequence", [0x61, 0x3A, 0x20, 0xC3], line: 1, "not UTF-8 text"),
        Rejected("UTF-16 with a byte order mark", [0xFF, 0xFE, 0x61, 0x00, 0x3A, 0x00], line: 1, "not UTF-8 text"),
        Rejected("CR alone ends lines, as for libyaml (a fuzz finding)", "a: 1\rb: [SECRET\r", line: 3, "did not find expected ',' or ']'"),
        Rejected("a byte that is not UTF-8 after CR line ends", [0x61, 0x3A, 0x20, 0x31, 0x0D, 0x62, 0x3A, 0x20, 0xFF], line: 2, "not UTF-8 text"),
        Rejected("a control character", "a: SECRET\u{07}\n", line: 1, "control characters are not allowed"),
        Rejected("an alias bomb", aliasBomb, line: 5, "aliases expand the document by more than 100000 nodes"),
        Rejected("129 levels of flow nesting", String(repeating: "[", count: 129) + String(repeating: "]", count: 129), line: 1,
                 "nest deeper than 128 levels"),
        Rejected("129 levels of block nesting",
                 (0..<129).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n") + " SECRET\n", line: 129,
                 "nest deeper than 128 levels"),
        Rejected("an alias that would nest too deep",
                 "a: &deep " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "\n"
                     + "b: " + String(repeating: "[", count: 30) + "*deep" + String(repeating: "]", count: 30) + "\n",
                 line: 2, "nest deeper than 128 levels"),
        Rejected("a second document", "a: SECRET\n---\nb: 2\n", line: 2, "a second YAML document starts here"),
        Rejected("an alias to an undefined anchor", "a: *SECRET\n", line: 1, "an alias names an anchor that is not defined before it"),
        Rejected("an alias inside its own anchor", "a: &SECRET [1, *SECRET]\n", line: 1, "not defined before it (or that contains the alias)"),
        Rejected("a null key", "~: SECRET\n", line: 1, "a mapping key is null"),
        Rejected("a sequence as a key", "? [SECRET]\n: 1\n", line: 1, "keys must be scalars"),
        Rejected("a !!binary scalar", "a: !!binary U0VDUkVU\n", line: 1, "!!binary scalars are not supported"),
        Rejected("an !!int that is not one", "a: !!int SECRET\n", line: 1, "a scalar tagged !!int is not a decimal integer"),
        Rejected("a !!bool that is not one", "a: !!bool SECRET\n", line: 1, "a scalar tagged !!bool is not true or false"),
        Rejected("a merge of a scalar", "a:\n  <<: SECRET\n", line: 2, "a merge key (<<) takes a mapping or a list of mappings"),
    ]

    @Test("refused documents give the line and the problem, never the text", arguments: rejected)
    func rejects(_ row: Rejected) {
        let error = #expect(throws: YAMLError.self) { _ = try JSONValue(parsingYAML: row.bytes) }
        #expect(error?.line == row.line, "\(String(describing: error))")
        #expect(error?.problem.contains(row.fragment) == true, "\(String(describing: error))")
        #expect(error?.description.hasPrefix("line \(row.line), column ") == true)
        #expect(error?.description.contains("SECRET") == false)
    }

    @Test("plain scalar resolution", arguments: [
        ("", JSONValue.null), ("~", .null), ("NULL", .null), ("nULL", .string("nULL")),
        ("Yes", .bool(true)), ("OFF", .bool(false)), ("oN", .string("oN")),
        ("-0", .number("-0")), ("12", .number("12")), ("01", .string("01")), ("1.5e-3", .number("1.5e-3")),
        ("1e", .string("1e")), ("-", .string("-")), ("1.2.3", .string("1.2.3")), ("https://k:6443", .string("https://k:6443")),
    ])
    func plainResolution(text: String, value: JSONValue) {
        #expect(YAMLNode.resolvePlain(text) == value)
    }
}
