/// Why a theme file could not be used, naming the file, the key and the line.
public struct ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (or theme name when no file was found).
    public var file: String
    /// The key at fault, as a dotted path (`styles.header.fg`), when one is.
    public var key: String?
    /// The 1-based line, when known.
    public var line: Int?
    /// What is wrong.
    public var message: String

    /// An error.
    public init(file: String, key: String? = nil, line: Int? = nil, message: String) {
        self.file = file
        self.key = key
        self.line = line
        self.message = message
    }

    /// `file:line: key: message`.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let key { text += "\(key): " }
        return text + message
    }
}
