#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds a delegate's executable the way libcni does: the `type` is a bare file name,
/// searched in `CNI_PATH` and then in multinet's `binDir`. Nothing else is ever executed.
public enum PluginLocator {
    /// Why `type` cannot name a plugin, or `nil` when it can: it must be a bare file name.
    public static func typeProblem(_ type: String) -> String? {
        if type.isEmpty { return "it is empty" }
        if type.utf8.count > 255 { return "it is longer than 255 bytes" }
        if type == "." || type == ".." { return "'.' and '..' are not plugin names" }
        if type.utf8.contains(UInt8(ascii: "/")) { return "it must be a bare file name without '/'" }
        if type.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return "it must not contain control characters" }
        return nil
    }

    /// The absolute path of the first regular, executable file named `type` in `directories`.
    public static func find(type: String, in directories: [String]) throws(CNIError) -> String {
        if let problem = typeProblem(type) {
            throw CNIError(code: CNIErrorCode.invalidNetworkConfig,
                           msg: "plugin type \"\(type.prefix(64))\" is not a plugin name", details: problem)
        }
        for directory in directories where directory.hasPrefix("/") {
            let candidate = directory.hasSuffix("/") ? directory + type : directory + "/" + type
            var info = stat()
            guard stat(candidate, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            if access(candidate, X_OK) == 0 { return candidate }
        }
        throw CNIError(code: CNIErrorCode.invalidNetworkConfig,
                       msg: "failed to find plugin \"\(type)\" in path \(directories)",
                       details: "install the plugin binary into one of these directories")
    }
}
