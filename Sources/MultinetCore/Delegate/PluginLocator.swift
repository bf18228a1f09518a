#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MultinetCNI

/// Finds a delegate's executable the way libcni does: the `type` is a bare file name,
/// searched in `CNI_PATH` and then in multinet's `binDir`. Nothing else is ever executed:
/// a symbolic link in a plugin directory is followed only when its target lies inside one
/// of the plugin directories too.
public enum PluginLocator {
    /// The absolute path of the first regular, executable file named `type` in `directories`.
    ///
    /// - Throws: code 7 when `type` is not a bare name, when no directory holds it, or when
    ///   the first match is a symbolic link whose target lies outside every directory of
    ///   `directories` (naming the link and its target).
    public static func find(type: String, in directories: [String]) throws -> String {
        if let problem = PluginName.problem(type) {
            throw PluginLookupFailure.notAPluginName(type: type, problem: problem)
        }
        let searched = directories.filter { $0.hasPrefix("/") }
        for directory in searched {
            let candidate = directory.hasSuffix("/") ? directory + type : directory + "/" + type
            var info = stat()
            guard stat(candidate, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            guard access(candidate, X_OK) == 0 else { continue }
            try checkLinkTarget(candidate, type: type, directories: searched)
            return candidate
        }
        throw PluginLookupFailure.notFound(type: type, directories: directories)
    }

    /// Refuses `candidate` when it is a symbolic link (or lies under one) whose real path is
    /// outside the real paths of `directories`.
    static func checkLinkTarget(_ candidate: String, type: String, directories: [String]) throws {
        guard let target = realPath(candidate) else {
            throw PluginLookupFailure.unresolvable(type: type, path: candidate)
        }
        if target == candidate { return }
        let roots = directories.compactMap(realPath)
        if roots.contains(where: { target.hasPrefix($0 == "/" ? "/" : $0 + "/") }) { return }
        throw PluginLookupFailure.linkOutsideDirectories(type: type, path: candidate, target: target, directories: directories)
    }

    /// The canonical absolute path of `path`, every symbolic link resolved; `nil` when it
    /// cannot be resolved.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
