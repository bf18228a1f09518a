/// The table view's key bindings (README, "The inspector"): the single source of the reducer's key
/// handling, the help overlay and the footer hints.
public enum Keymap {
    /// Every binding, in help order.
    public static let bindings: [KeyBinding] = [
        KeyBinding([.char("q")], label: "q", command: .quit, description: "quit", hint: "quit"),
        KeyBinding([.char("?")], label: "?", command: .help, description: "show or hide this help", hint: "help"),
        KeyBinding([.char("/")], label: "/", command: .filter, description: "filter rows (Enter keeps, Esc clears)",
                   hint: "filter"),
        KeyBinding([.tab], label: "Tab", command: .nextView, description: "next view", hint: "view"),
        KeyBinding([.backTab], label: "S-Tab", command: .previousView, description: "previous view"),
        KeyBinding([.char("1")], label: "1", command: .showNetworks, description: "Networks view"),
        KeyBinding([.char("2")], label: "2", command: .showPods, description: "Pods view"),
        KeyBinding([.char("3")], label: "3", command: .showFailures, description: "Failures view"),
        KeyBinding([.char("4")], label: "4", command: .showDrift,
                   description: "Drift view: where cluster, store and kernel disagree"),
        KeyBinding([.char("5")], label: "5", command: .showEvents, description: "Events view: this node's pods, multinet's first"),
        KeyBinding([.char(":")], label: ":", command: .command,
                   description: "command: :nets :pods :fail :drift :events :help :q (Tab completes)", hint: "cmd"),
        KeyBinding([.enter], label: "Enter", command: .details,
                   description: "details: cluster / store / kernel, config sent, result, attempts", hint: "details"),
        KeyBinding([.char("r")], label: "r", command: .retry,
                   description: "retry the selected failed teardown, or tear down a pod-gone leak in Drift (asks y/n)",
                   hint: "retry", isAction: true),
        KeyBinding([.char("k"), .up], label: "k ↑", asciiLabel: "k Up", command: .up, description: "up"),
        KeyBinding([.char("j"), .down], label: "j ↓", asciiLabel: "j Down", command: .down, description: "down"),
        KeyBinding([.pageUp], label: "PgUp", command: .pageUp, description: "page up"),
        KeyBinding([.pageDown, .char(" ")], label: "PgDn Space", command: .pageDown, description: "page down"),
        KeyBinding([.char("g"), .home], label: "g Home", command: .top, description: "first row"),
        KeyBinding([.char("G"), .end], label: "G End", command: .bottom, description: "last row"),
        KeyBinding([.char("s")], label: "s", command: .cycleSort, description: "sort by the next column", hint: "sort"),
        KeyBinding([.char("S")], label: "S", command: .reverseSort, description: "reverse the sort"),
        KeyBinding([.escape], label: "Esc", command: .close, description: "close the overlay, or clear the filter"),
    ]

    /// The bindings shown and honoured: without the actions in read-only mode.
    public static func bindings(readOnly: Bool) -> [KeyBinding] {
        bindings.filter { !(readOnly && $0.isAction) }
    }

    /// The command a key runs in the table view, if any (`nil` for actions in read-only mode).
    public static func command(for key: Key, readOnly: Bool = false) -> KeyCommand? {
        bindings(readOnly: readOnly).first { $0.keys.contains(key) }?.command
    }

    /// The command a key is bound to, whether or not read-only mode refuses it.
    public static func boundCommand(for key: Key) -> KeyCommand? {
        bindings.first { $0.keys.contains(key) }?.command
    }

    /// The footer's hints, in order: (keys, word).
    public static func footerHints(readOnly: Bool, asciiOnly: Bool) -> [(key: String, hint: String)] {
        bindings(readOnly: readOnly).compactMap { binding in
            binding.hint.map { (asciiOnly ? binding.asciiLabel : binding.label, $0) }
        }
    }

    /// The help overlay's lines: (keys, description).
    public static func helpEntries(readOnly: Bool, asciiOnly: Bool) -> [(key: String, description: String)] {
        bindings(readOnly: readOnly).map { (asciiOnly ? $0.asciiLabel : $0.label, $0.description) }
    }
}
