import Foundation

/// A host without a Swift toolchain and without the shared libraries node binaries must not
/// need, made on this machine: each program wrapped by ``wrap(_:as:)`` runs in its own
/// private mount namespace (`unshare --mount --propagation private`) in which a read-only,
/// empty tmpfs covers the toolchain directory and `/dev/null` is bound over every copy of
/// ``libraryNames``. The wrapper checks inside the namespace, before it execs the program,
/// that each of them really reads empty, and exits ``notHiddenStatus`` naming the first
/// that does not; nothing outside the namespace changes.
public struct HiddenLibraries: Sendable {
    /// The shared libraries hidden (each real file behind every name the loader could use).
    public static let libraryNames = [
        "libsqlite3.so.0", "libstdc++.so.6", "libz.so.1", "libgcc_s.so.1", "libncursesw.so.6", "libtinfo.so.6",
        "libyaml-0.so.2",
    ]

    /// The wrapper's exit status when something it should hide is still readable.
    public static let notHiddenStatus: Int32 = 125

    /// The directory covered by the empty tmpfs: the Swift toolchain's (`/opt/swift`).
    public let toolchainDirectory: String
    /// The library files covered by `/dev/null`, real paths, sorted.
    public let hiddenFiles: [String]
    /// Where the wrappers are written.
    public let directory: TemporaryDirectory

    /// Finds the toolchain and the libraries of this machine; wrappers go into `directory`.
    public init(directory: TemporaryDirectory) throws {
        self.directory = directory
        toolchainDirectory = try Self.toolchainDirectory()
        hiddenFiles = Self.libraryFiles(names: Self.libraryNames, ldconfig: (try? Shell.run(["ldconfig", "-p"]).stdout) ?? "")
    }

    /// The toolchain directory of the Swift runtime this test process runs on: the prefix of
    /// the loaded `…/usr/lib/swift/linux/libswiftCore.so` (or `/usr/lib/swift` itself for a
    /// toolchain installed in `/usr`).
    static func toolchainDirectory() throws -> String {
        // procfs files report size 0: read to the end rather than by size.
        let maps = String(decoding: FileHandle(forReadingAtPath: "/proc/self/maps")?.readDataToEndOfFile() ?? Data(), as: UTF8.self)
        guard let line = maps.split(separator: "\n").first(where: { $0.hasSuffix("/libswiftCore.so") }),
              let start = line.firstIndex(of: "/") else {
            throw TestSupportError.unexpectedOutput(command: ["cat", "/proc/self/maps"], reason: "no libswiftCore.so is mapped", output: "")
        }
        let library = String(line[start...])
        guard let range = library.range(of: "/usr/lib/swift/") else {
            return URL(fileURLWithPath: library).deletingLastPathComponent().deletingLastPathComponent().path
        }
        let prefix = String(library[..<range.lowerBound])
        return prefix.isEmpty ? "/usr/lib/swift" : prefix
    }

    /// The real files behind `names`: what `ldconfig -p` lists for them, and each name in
    /// `/usr/lib/x86_64-linux-gnu` and `/lib/x86_64-linux-gnu`; symbolic links resolved,
    /// each file once.
    static func libraryFiles(names: [String], ldconfig: String) -> [String] {
        var candidates: [String] = []
        for line in ldconfig.split(separator: "\n") {
            let parts = line.trimmingCharacters(in: .whitespaces).components(separatedBy: " => ")
            guard parts.count == 2, let name = parts[0].split(separator: " ").first, names.contains(String(name)) else { continue }
            candidates.append(parts[1])
        }
        for name in names {
            candidates += ["/usr/lib/x86_64-linux-gnu/" + name, "/lib/x86_64-linux-gnu/" + name]
        }
        var seen = Set<String>()
        return candidates.filter { FileManager.default.fileExists(atPath: $0) }
            .map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
            .filter { seen.insert($0).inserted }
            .sorted()
    }

    /// Writes an executable `<directory>/<name>` that runs `program` (with the arguments and
    /// environment it is given) in a fresh namespace with everything hidden; returns its path.
    public func wrap(_ program: String, as name: String) throws -> String {
        func tool(_ name: String) throws -> String {
            guard let path = Shell.which(name) else { throw TestSupportError.environmentIncomplete(missing: ["\(name) (util-linux)"]) }
            return path
        }
        let unshare = try tool("unshare"), mount = try tool("mount")
        let quoted = { (text: String) in "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        var inner = ["set -e", "\(mount) -t tmpfs -o ro,size=4k,mode=0555 multinet-hidden \(quoted(toolchainDirectory))"]
        inner += hiddenFiles.map { "\(mount) --bind /dev/null \(quoted($0))" }
        // The proof, inside the namespace: every hidden file reads empty, the toolchain
        // directory is empty.
        for file in hiddenFiles {
            inner.append("if [ -s \(quoted(file)) ]; then echo \"hidden-libraries: \(file) is still readable\" >&2; exit \(Self.notHiddenStatus); fi")
        }
        inner.append("if [ -n \"$(ls -A \(quoted(toolchainDirectory)))\" ]; then echo \"hidden-libraries: \(toolchainDirectory) is not empty\" >&2; exit \(Self.notHiddenStatus); fi")
        inner.append("exec \"$0\" \"$@\"")
        let script = """
            #!/bin/sh
            # Runs \(program) with \(toolchainDirectory) and \(hiddenFiles.count) shared libraries hidden (see HiddenLibraries).
            exec \(unshare) --mount --propagation private /bin/sh -c \(quoted(inner.joined(separator: "\n"))) \(quoted(program)) "$@"

            """
        let path = try directory.write(name, contents: script)
        chmod(path, 0o755)
        return path
    }
}
