#if canImport(Glibc)
import Glibc
#endif
import MultinetSystem

extension NetlinkSocket {
    /// A socket bound to the network namespace at `path` (a pod's `CNI_NETNS`), made
    /// without forking: a short-lived thread enters the namespace (`setns`), creates the
    /// socket, which stays in that namespace for its life, and goes back before it ends.
    /// The calling thread and the rest of the process never change namespace. Needs
    /// `CAP_SYS_ADMIN` (root).
    public static func open(inNamespaceAt path: String) throws(NetlinkError) -> NetlinkSocket {
        NetlinkSocket(descriptor: try descriptors(inNamespaceAt: path, count: 1)[0])
    }

    /// A socket in the namespace at `path` and a ``NetlinkChangeWatch`` on its links and
    /// addresses, both made by one short-lived thread in the namespace (as
    /// ``open(inNamespaceAt:)``). The watch is subscribed before this returns, so a change
    /// after any later dump on the socket is seen.
    public static func openWatched(inNamespaceAt path: String) throws(NetlinkError) -> (NetlinkSocket, NetlinkChangeWatch) {
        let made = try descriptors(inNamespaceAt: path, count: 2)
        let socket = NetlinkSocket(descriptor: made[0])
        return (socket, try NetlinkChangeWatch(descriptor: made[1]))
    }

    /// `count` `NETLINK_ROUTE` sockets made inside the namespace at `path`.
    static func descriptors(inNamespaceAt path: String, count: Int) throws(NetlinkError) -> [Int32] {
        guard let setns = GNUFunctions.setns else { throw .system(call: "setns (not in this C library)", errno: ENOSYS) }
        let target = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard target >= 0 else { throw .system(call: "open(\(path))", errno: errno) }
        defer { close(target) }
        let work = NamespaceWork(target: target, path: path, setns: setns, count: count)
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { raw in
            Unmanaged<NamespaceWork>.fromOpaque(raw!).takeUnretainedValue().run()
            return nil
        }, Unmanaged.passUnretained(work).toOpaque())
        guard started == 0 else { throw .system(call: "pthread_create", errno: started) }
        pthread_join(thread, nil)
        return try work.outcome.get()
    }
}

/// What the namespace thread does, and what it found. Used by one thread at a time: the
/// caller writes it before `pthread_create` and reads it after `pthread_join`.
private final class NamespaceWork {
    let target: Int32
    let path: String
    let setns: GNUFunctions.SetNS
    let count: Int
    var outcome: Result<[Int32], NetlinkError> = .failure(.malformed("the namespace thread did not run"))

    init(target: Int32, path: String, setns: GNUFunctions.SetNS, count: Int) {
        self.target = target
        self.path = path
        self.setns = setns
        self.count = count
    }

    /// On the new thread: enter the namespace, make the socket, leave again. Should the way
    /// back fail, only this thread is left in the pod's namespace, and it ends right after.
    func run() {
        let home = Glibc.open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC)
        guard home >= 0 else {
            outcome = .failure(.system(call: "open(/proc/thread-self/ns/net)", errno: errno))
            return
        }
        defer { close(home) }
        guard setns(target, GNUFunctions.cloneNewNet) == 0 else {
            let code = errno
            outcome = .failure(code == EINVAL
                ? .system(call: "entering \(path), which is not a network namespace,", errno: code)
                : .system(call: "setns(\(path))", errno: code))
            return
        }
        var made: [Int32] = []
        var socketErrno: Int32 = 0
        for _ in 0..<count {
            let descriptor = socket(Netlink.addressFamily, Int32(SOCK_RAW.rawValue) | Int32(SOCK_CLOEXEC.rawValue), Netlink.protocolRoute)
            guard descriptor >= 0 else {
                socketErrno = errno
                break
            }
            made.append(descriptor)
        }
        _ = setns(home, GNUFunctions.cloneNewNet)
        if made.count == count {
            outcome = .success(made)
        } else {
            for descriptor in made { close(descriptor) }
            outcome = .failure(.system(call: "socket(AF_NETLINK, NETLINK_ROUTE) in \(path)", errno: socketErrno))
        }
    }
}
