#if canImport(Glibc)
import Glibc
#endif

/// glibc functions that Swift's `Glibc` module hides because it is built without
/// `_GNU_SOURCE`, looked up once with `dlsym`. Each is `nil` when the C library lacks it.
package enum GNUFunctions {
    /// `int pipe2(int fds[2], int flags)` (glibc 2.9+).
    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>?, Int32) -> Int32
    /// `int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *, int from)` (glibc 2.34+).
    typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32
    /// `int setns(int fd, int nstype)` (glibc 2.14+).
    package typealias SetNS = @convention(c) (Int32, Int32) -> Int32
    /// `int pidfd_open(pid_t pid, unsigned int flags)` (glibc 2.36+, Linux 5.3+).
    typealias PidfdOpen = @convention(c) (pid_t, UInt32) -> Int32

    /// `pipe2`, to create pipes that are close-on-exec from the start.
    static let pipe2: Pipe2? = lookUp("pipe2", as: Pipe2.self)
    /// `posix_spawn_file_actions_addclosefrom_np`, to close every inherited descriptor from 3 up.
    static let addCloseFrom: AddCloseFrom? = lookUp("posix_spawn_file_actions_addclosefrom_np", as: AddCloseFrom.self)
    /// `pidfd_open`, to wait for a child's exit in the same `poll` as its pipes.
    static let pidfdOpen: PidfdOpen? = lookUp("pidfd_open", as: PidfdOpen.self)
    /// `setns`, to move a thread into a pod's network namespace.
    package static let setns: SetNS? = lookUp("setns", as: SetNS.self)
    /// `CLONE_NEWNET`: the network namespace type for `setns`.
    package static let cloneNewNet: Int32 = 0x4000_0000

    private static func lookUp<Function>(_ name: String, as type: Function.Type) -> Function? {
        // dlopen(NULL) is the global scope: the program and the libraries it was linked with.
        guard let scope = dlopen(nil, RTLD_NOW), let symbol = dlsym(scope, name) else { return nil }
        return unsafeBitCast(symbol, to: type)
    }
}
