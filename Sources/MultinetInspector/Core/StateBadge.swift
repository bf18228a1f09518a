import MultinetCheckpoint

/// How a state is shown: a glyph, a word and a style, so it never rests on colour alone.
public struct StateBadge: Sendable, Equatable {
    /// The glyph (`✔`, `✖`, `…`, or ASCII `+`, `x`, `~`).
    public var glyph: String
    /// The word (`attached`, `del_failed`).
    public var word: String
    /// The style.
    public var role: StyleRole

    /// A badge.
    public init(glyph: String, word: String, role: StyleRole) {
        self.glyph = glyph
        self.word = word
        self.role = role
    }

    /// Glyph and word: `✔ attached`.
    public var text: String { "\(glyph) \(word)" }

    /// The glyph for something working.
    public static func okGlyph(ascii: Bool) -> String { ascii ? "+" : "✔" }
    /// The glyph for something broken.
    public static func failedGlyph(ascii: Bool) -> String { ascii ? "x" : "✖" }
    /// The glyph for something in progress.
    public static func pendingGlyph(ascii: Bool) -> String { ascii ? "~" : "…" }

    /// The badge of an attachment state.
    public static func of(_ state: AttachmentState, ascii: Bool) -> StateBadge {
        switch state {
        case .attached: StateBadge(glyph: okGlyph(ascii: ascii), word: state.rawValue, role: .ok)
        case .adding, .deleting: StateBadge(glyph: pendingGlyph(ascii: ascii), word: state.rawValue, role: .warn)
        case .addFailed, .delFailed: StateBadge(glyph: failedGlyph(ascii: ascii), word: state.rawValue, role: .failed)
        }
    }

    /// A working thing: `✔ word`.
    public static func ok(_ word: String, ascii: Bool) -> StateBadge {
        StateBadge(glyph: okGlyph(ascii: ascii), word: word, role: .ok)
    }

    /// A broken thing: `✖ word`.
    public static func failed(_ word: String, ascii: Bool) -> StateBadge {
        StateBadge(glyph: failedGlyph(ascii: ascii), word: word, role: .failed)
    }
}
