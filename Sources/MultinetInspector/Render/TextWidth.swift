/// Display widths of text as terminals lay it out, and width-aware truncation and padding.
///
/// A grapheme is 0 columns wide when it is only combining marks or format characters,
/// 2 when it is East Asian wide or fullwidth or an emoji shown as one, and 1 otherwise.
public enum TextWidth {
    /// The columns one grapheme takes.
    public static func width(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.allSatisfy(isZeroWidth) { return 0 }
        if first.value < 0x20 || (0x7F..<0xA0).contains(first.value) { return 0 }
        if isWide(first) { return 2 }
        if first.properties.isEmoji, scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return 1
    }

    /// The columns a string takes.
    public static func width(_ text: some StringProtocol) -> Int {
        if let ascii = printableASCIICount(text) { return ascii }
        return text.reduce(0) { $0 + width(of: $1) }
    }

    /// The length of `text` when it is printable ASCII only (one column per byte, the
    /// common case the inspector draws on every frame); `nil` otherwise.
    static func printableASCIICount(_ text: some StringProtocol) -> Int? {
        var count = 0
        for byte in text.utf8 {
            guard byte >= 0x20, byte < 0x7F else { return nil }
            count += 1
        }
        return count
    }

    /// `text` cut to at most `width` columns, ending with `ellipsis` when something was cut.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        guard self.width(text) > width else { return text }
        let room = width - self.width(ellipsis)
        guard room >= 0 else { return prefix(text, columns: width) }
        return prefix(text, columns: room) + ellipsis
    }

    /// The longest prefix of `text` that fits in `columns` (a wide grapheme that would
    /// straddle the edge is left out).
    public static func prefix(_ text: String, columns: Int) -> String {
        if let ascii = printableASCIICount(text) { return ascii <= columns ? text : String(decoding: text.utf8.prefix(max(0, columns)), as: UTF8.self) }
        var used = 0
        var result = ""
        for character in text {
            let w = width(of: character)
            if used + w > columns { break }
            used += w
            result.append(character)
        }
        return result
    }

    /// `text` truncated to `width` and padded with spaces to exactly `width` columns.
    public static func pad(_ text: String, to width: Int, alignRight: Bool = false, ellipsis: String = "…") -> String {
        let cut = truncate(text, to: width, ellipsis: ellipsis)
        let fill = String(repeating: " ", count: max(0, width - self.width(cut)))
        return alignRight ? fill + cut : cut + fill
    }

    /// `text` broken into lines of at most `width` columns, at spaces when possible.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = Substring(paragraph)
            if rest.isEmpty { lines.append("") }
            while !rest.isEmpty {
                if self.width(rest) <= width {
                    lines.append(String(rest))
                    break
                }
                var head = prefix(String(rest), columns: width)
                if head.isEmpty { head = String(rest.prefix(1)) }
                let breaksAtSpace = rest.dropFirst(head.count).first == " "
                if !breaksAtSpace, let space = head.lastIndex(of: " "), space != head.startIndex {
                    head = String(head[..<space])
                }
                lines.append(head)
                rest = rest.dropFirst(head.count).drop { $0 == " " }
            }
        }
        return lines
    }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: true
        default: scalar.value == 0x200B
        }
    }

    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
        0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693, 0x26A1...0x26A1,
        0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA,
        0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B,
        0x2728...0x2728, 0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x1F004...0x1F004, 0x1F0CF...0x1F0CF,
        0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF,
        0x1F7E0...0x1F7EB, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        guard v >= 0x1100 else { return false }
        if scalar.properties.isEmojiPresentation { return true }
        return wideRanges.contains { $0.contains(v) }
    }
}
