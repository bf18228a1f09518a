import Testing
@testable import MultinetInspector

@Suite("text width")
struct TextWidthTests {
    @Test("widths of graphemes", arguments: [
        ("a", 1), ("é", 1), ("e\u{301}", 1), ("\u{301}", 0), ("\u{200D}", 0), ("漢", 2), ("ｱ", 1), ("Ａ", 2),
        ("한", 2), ("😀", 2), ("❤️", 2), ("👍🏽", 2), ("✔", 1), ("…", 1), ("─", 1), ("\u{7}", 0),
    ])
    func graphemeWidth(text: String, width: Int) {
        #expect(TextWidth.width(of: Character(text)) == width)
    }

    @Test("string widths add up")
    func stringWidth() {
        #expect(TextWidth.width("ab漢字😀") == 8)
        #expect(TextWidth.width("") == 0)
    }

    @Test("truncation is width-aware and never splits a wide grapheme")
    func truncate() {
        #expect(TextWidth.truncate("hello", to: 5) == "hello")
        #expect(TextWidth.truncate("hello world", to: 6) == "hello…")
        #expect(TextWidth.truncate("hello world", to: 6, ellipsis: "~") == "hello~")
        #expect(TextWidth.truncate("漢字漢字", to: 5) == "漢字…")
        #expect(TextWidth.truncate("漢字漢字", to: 4) == "漢…")
        #expect(TextWidth.truncate("abc", to: 0) == "")
        #expect(TextWidth.truncate("abc", to: 1) == "…")
    }

    @Test("padding fills to the exact width, on either side")
    func pad() {
        #expect(TextWidth.pad("漢", to: 4) == "漢  ")
        #expect(TextWidth.pad("7", to: 3, alignRight: true) == "  7")
        #expect(TextWidth.pad("abcdef", to: 4) == "abc…")
    }

    @Test("wrapping breaks at spaces, or hard when a word is too long")
    func wrap() {
        #expect(TextWidth.wrap("one two three", width: 7) == ["one two", "three"])
        #expect(TextWidth.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextWidth.wrap("a\n\nb", width: 4) == ["a", "", "b"])
        #expect(TextWidth.wrap("漢字漢字", width: 3) == ["漢", "字", "漢", "字"])
    }

    @Test("drawing a wide grapheme takes a continuation cell; one that does not fit is left out")
    func drawWide() {
        var buffer = ScreenBuffer(width: 5, height: 1)
        let used = buffer.draw("a漢字", row: 0, column: 0, style: .ok)
        #expect(used == 5)
        #expect(buffer[0, 1]?.text == "漢" && buffer[0, 2] == .continuation(.ok))
        #expect(buffer.line(0) == "a漢字")
        var narrow = ScreenBuffer(width: 4, height: 1)
        narrow.draw("a漢字", row: 0, column: 0, style: .normal)
        #expect(narrow.line(0) == "a漢 ")
        var combining = ScreenBuffer(width: 3, height: 1)
        combining.draw("e\u{301}x\ty", row: 0, column: 0, style: .normal)
        #expect(combining[0, 0]?.text == "e\u{301}" && combining.line(0) == "e\u{301}x ")
    }
}
