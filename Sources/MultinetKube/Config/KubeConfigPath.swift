#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MultinetSystem

/// Path arithmetic for kubeconfig files, on strings (no Foundation).
enum KubeConfigPath {
    /// `path` made absolute against the working directory.
    static func absolute(_ path: String) -> String {
        guard !path.hasPrefix("/") else { return path }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        let cwd = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return resolve(path, relativeTo: cwd)
    }

    /// The directory holding `path` (`/` for a file at the root, `.` for a bare name).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// `path` if absolute, otherwise `directory/path` with `./` prefixes dropped.
    static func resolve(_ path: String, relativeTo directory: String) -> String {
        guard !path.hasPrefix("/") else { return path }
        var relative = Substring(path)
        while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
        if directory == "/" { return "/" + relative }
        return directory + "/" + relative
    }

    /// The expanded home directory from the environment, if any.
    static func home(_ environment: [String: String]) -> String? {
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home
    }
}

extension KubeConfigPath {
    /// A file failure's reason without the path (messages name the path themselves).
    static func reason(_ failure: FileSystem.Failure) -> String {
        guard let text = strerror(failure.code) else { return "errno \(failure.code)" }
        return String(cString: text)
    }
}
