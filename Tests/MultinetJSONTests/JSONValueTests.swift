import Testing
@testable import MultinetJSON

@Suite("JSON value")
struct JSONValueTests {
    @Test("round-trips key order, numbers and unknown keys exactly")
    func roundTrip() throws {
        let text = #"{"cniVersion":"1.0.0","name":"n","zeta":1e3,"alpha":[1,2.50,{"x":null}],"mtu":1500,"b":true}"#
        let value = try JSONValue(parsing: text)
        #expect(value.jsonText == text)
        #expect(value["zeta"] == .number("1e3"))
        #expect(value["alpha"]?.arrayValue?.count == 3)
    }

    @Test("decodes escapes and surrogate pairs")
    func escapes() throws {
        let value = try JSONValue(parsing: #"["a\"b\\c\/d\n\t\u00e9\ud83d\ude00"]"#)
        #expect(value.arrayValue?.first?.stringValue == "a\"b\\c/d\n\té😀")
        // and writes them back as valid JSON that parses to the same value
        #expect(try JSONValue(parsing: value.jsonText) == value)
    }

    @Test("setting keys keeps order, replaces in place, removes with nil")
    func objectEditing() {
        var object = JSONObject([("a", .int(1)), ("b", .int(2))])
        object["a"] = .int(3)
        object["c"] = .null
        object["b"] = nil
        #expect(object.keys == ["a", "c"])
        #expect(JSONValue.object(object).jsonText == #"{"a":3,"c":null}"#)
    }

    @Test("rejects malformed documents", arguments: [
        ("", "unexpected end"),
        ("{", "unexpected end"),
        (#"{"a":1,"a":2}"#, "duplicate key \"a\""),
        ("[1,]", "unexpected ']'"),
        ("01", "unexpected data after"),
        ("1.", "invalid number"),
        ("-", "invalid number"),
        (#""\x""#, "invalid escape"),
        (#""\ud800""#, "invalid escape"),
        ("tru", "unexpected end"),
        ("nul!", "unexpected '!'"),
        ("{} {}", "unexpected data after"),
        ("\"a\u{01}\"", "control character"),
        (String(repeating: "[", count: 200) + String(repeating: "]", count: 200), "nested deeper than 128"),
    ])
    func rejects(input: String, fragment: String) {
        #expect {
            try JSONValue(parsing: input)
        } throws: { error in
            String(describing: error).contains(fragment)
        }
    }

    @Test("rejects invalid UTF-8 inside strings")
    func invalidUTF8() {
        let bytes: [UInt8] = [UInt8(ascii: "\""), 0xC3, 0x28, UInt8(ascii: "\"")]
        #expect(throws: JSONParseError.invalidUTF8(offset: 1)) { try JSONValue(parsing: bytes) }
    }
}
