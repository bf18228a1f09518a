import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Starts the demo, which is its own executable (`multinet-demo`, beside this one in a
/// `swift build` tree) so that the apiserver test double and the demo's harness cost the
/// inspector installed on nodes nothing.
enum DemoLauncher {
    /// The demo's executable name.
    static let executableName = "multinet-demo"

    /// The directory of the running executable (symbolic links resolved).
    static var ownDirectory: String {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent().path
    }

    /// Replaces this process by `multinet-demo ARGUMENTS` from ``ownDirectory``; when it is
    /// not there, says where the demo comes from and exits 2.
    static func exec(arguments: [String]) -> Never {
        let path = ownDirectory + "/" + executableName
        guard access(path, X_OK) == 0 else {
            fail("the demo is not installed on this node; it ships with a source build: "
                + "`swift build -c release && .build/release/multinet-inspect demo` (no executable \(path))")
        }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        execv(path, argv)
        fail("cannot run \(path): \(String(cString: strerror(errno)))")
    }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("multinet-inspect: \(message)\n".utf8))
        Foundation.exit(2)
    }
}
