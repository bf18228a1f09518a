/// The CNI environment a runtime calls a plugin with, parsed and validated.
public struct CNIEnvironment: Sendable, Equatable {
    /// `CNI_COMMAND`.
    public var command: CNICommand
    /// `CNI_CONTAINERID`; empty for VERSION, STATUS and GC.
    public var containerID: String
    /// `CNI_NETNS`; may be empty for DEL.
    public var netns: String
    /// `CNI_IFNAME`; empty for VERSION, STATUS and GC.
    public var ifName: String
    /// `CNI_ARGS`.
    public var args: CNIArgs
    /// `CNI_PATH` split on `:` with empty entries dropped.
    public var path: [String]
    /// `CNI_PATH` exactly as given, recorded and replayed on DEL.
    public var rawPath: String
    /// The whole process environment, passed on to delegates with the CNI variables overridden.
    public var inherited: [String: String]

    /// Parses and validates the environment for the command it names.
    ///
    /// Every failure is a ``CNIError`` with code 4 (invalid environment) naming the variable.
    public init(_ environment: [String: String]) throws(CNIError) {
        guard let commandText = environment["CNI_COMMAND"], !commandText.isEmpty else {
            throw CNIError(code: CNIErrorCode.invalidEnvironment, msg: "CNI_COMMAND is not set",
                           details: "expected one of \(CNICommand.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let command = CNICommand(rawValue: commandText) else {
            throw CNIError(code: CNIErrorCode.invalidEnvironment,
                           msg: "CNI_COMMAND \"\(commandText.prefix(64))\" is not a CNI command",
                           details: "expected one of \(CNICommand.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.command = command
        self.inherited = environment
        self.containerID = environment["CNI_CONTAINERID"] ?? ""
        self.netns = environment["CNI_NETNS"] ?? ""
        self.ifName = environment["CNI_IFNAME"] ?? ""
        self.rawPath = environment["CNI_PATH"] ?? ""
        self.path = rawPath.split(separator: ":").map(String.init)
        self.args = try CNIArgs(parsing: environment["CNI_ARGS"] ?? "")

        guard command != .version else { return }
        guard !path.isEmpty else {
            throw CNIError(code: CNIErrorCode.invalidEnvironment, msg: "CNI_PATH is not set",
                           details: "\(command.rawValue) needs the directories that hold the delegate plugins")
        }
        guard command.needsContainer else { return }
        try Self.validateContainerID(containerID)
        try Self.validateInterfaceName(ifName, variable: "CNI_IFNAME")
        if command == .add || command == .check {
            guard !netns.isEmpty else {
                throw CNIError(code: CNIErrorCode.invalidEnvironment, msg: "CNI_NETNS is not set",
                               details: "\(command.rawValue) needs the path of the container's network namespace")
            }
        }
        if !netns.isEmpty {
            guard netns.hasPrefix("/"), !netns.utf8.contains(0) else {
                throw CNIError(code: CNIErrorCode.invalidEnvironment,
                               msg: "CNI_NETNS \"\(netns.prefix(128))\" is not an absolute path")
            }
        }
    }

    /// Container IDs as libcni accepts them: a letter or digit, then letters, digits, `_`, `.` and `-`.
    public static func validateContainerID(_ id: String) throws(CNIError) {
        guard !id.isEmpty else {
            throw CNIError(code: CNIErrorCode.invalidEnvironment, msg: "CNI_CONTAINERID is not set")
        }
        let bytes = Array(id.utf8)
        func isAlnum(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
        }
        let valid = bytes.count <= 1024 && isAlnum(bytes[0])
            && bytes.dropFirst().allSatisfy { isAlnum($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
        guard valid else {
            throw CNIError(code: CNIErrorCode.invalidEnvironment,
                           msg: "CNI_CONTAINERID \"\(id.prefix(80))\" is invalid",
                           details: "it must start with a letter or digit and contain only letters, digits, '_', '.' and '-' (at most 1024 characters)")
        }
    }

    /// Interface names as Linux accepts them: 1–15 bytes, no `/`, `:` or whitespace, not `.` or `..`.
    public static func validateInterfaceName(_ name: String, variable: String) throws(CNIError) {
        if let problem = interfaceNameProblem(name) {
            throw CNIError(code: CNIErrorCode.invalidEnvironment,
                           msg: "\(variable) \"\(name.prefix(64))\" is not a valid interface name",
                           details: problem)
        }
    }

    /// Why `name` is not a valid Linux interface name, or `nil` when it is.
    public static func interfaceNameProblem(_ name: String) -> String? {
        let bytes = Array(name.utf8)
        if bytes.isEmpty { return "it is empty" }
        if bytes.count > 15 { return "it is \(bytes.count) bytes long; the limit is 15" }
        if name == "." || name == ".." { return "'.' and '..' are not interface names" }
        if bytes.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ":") }) {
            return "it must not contain '/' or ':'"
        }
        if bytes.contains(where: { $0 <= 0x20 || $0 == 0x7F }) {
            return "it must not contain whitespace or control characters"
        }
        return nil
    }
}
