import Testing
@testable import MultinetInspector

@Suite("screen buffer")
struct ScreenBufferTests {
    @Test("cells are set inside the buffer only, and rows read back as text")
    func setAndRead() {
        var buffer = ScreenBuffer(width: 4, height: 2)
        buffer.set(row: 0, column: 1, .init("a", style: .ok))
        buffer.set(row: 1, column: 4, .init("x"))
        buffer.set(row: -1, column: 0, .init("y"))
        #expect(buffer.line(0) == " a  ")
        #expect(buffer.line(1) == "    ")
        #expect(buffer[0, 1]?.style == .ok)
        #expect(buffer[2, 0] == nil)
        #expect(ScreenBuffer(width: -3, height: 2).cells.isEmpty)
    }
}
