/// The characters boxes and separators are drawn with: Unicode box drawing, or ASCII.
public struct BoxGlyphs: Sendable, Equatable {
    /// Corners: top-left, top-right, bottom-left, bottom-right.
    public var topLeft, topRight, bottomLeft, bottomRight: String
    /// Horizontal and vertical lines.
    public var horizontal, vertical: String
    /// The separator between header fields.
    public var separator: String
    /// The end of truncated text.
    public var ellipsis: String
    /// The marker of the selected row.
    public var selection: String
    /// Sort direction markers.
    public var ascending, descending: String

    /// Unicode box drawing.
    public static let unicode = BoxGlyphs(topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
                                          horizontal: "─", vertical: "│", separator: "│", ellipsis: "…",
                                          selection: "▸", ascending: "▲", descending: "▼")
    /// ASCII only.
    public static let ascii = BoxGlyphs(topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
                                        horizontal: "-", vertical: "|", separator: "|", ellipsis: "~",
                                        selection: ">", ascending: "^", descending: "v")

    /// The glyphs for a mode.
    public static func forMode(asciiOnly: Bool) -> BoxGlyphs { asciiOnly ? .ascii : .unicode }
}
