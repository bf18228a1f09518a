/// One line of the keymap: keys, what they do, and how the help and footer show them.
public struct KeyBinding: Sendable, Equatable {
    /// The keys bound.
    public var keys: [Key]
    /// How the keys are written in the help overlay (`j/k ↑/↓`).
    public var label: String
    /// The same in ASCII.
    public var asciiLabel: String
    /// The command.
    public var command: KeyCommand
    /// What it does, for the help overlay.
    public var description: String
    /// The short word for the footer; `nil` keeps the binding out of the footer.
    public var hint: String?
    /// Whether the binding changes the node, so it is hidden and refused in read-only mode.
    public var isAction: Bool

    /// A binding.
    public init(_ keys: [Key], label: String, asciiLabel: String? = nil, command: KeyCommand, description: String,
                hint: String? = nil, isAction: Bool = false) {
        self.keys = keys
        self.label = label
        self.asciiLabel = asciiLabel ?? label
        self.command = command
        self.description = description
        self.hint = hint
        self.isAction = isAction
    }
}
