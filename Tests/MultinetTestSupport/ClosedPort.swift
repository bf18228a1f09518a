import Foundation
import Glibc

/// A loopback TCP port that is bound but never listens: connecting to it is refused, and no
/// other socket can take the port while this value lives.
///
/// Tests stand for "the apiserver is gone" by pointing a kubeconfig at one. Shutting a server
/// down is not enough: its port is free at once, a server another test starts meanwhile may be
/// given it, and the client then meets a server whose certificate it rejects
/// (`CERTIFICATE_VERIFY_FAILED`) instead of nothing at all.
public final class ClosedPort: @unchecked Sendable {
    /// The bound port.
    public let port: Int
    private let descriptor: Int32

    /// Binds a TCP socket to `127.0.0.1`, port chosen by the kernel, without listening.
    public init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw TestSupportError.fileSystem(path: "socket", reason: String(cString: strerror(errno))) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(fd, raw, length) == 0 && getsockname(fd, raw, &length) == 0
            }
        }
        guard bound else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw TestSupportError.fileSystem(path: "bind 127.0.0.1:0", reason: reason)
        }
        descriptor = fd
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    /// `https://127.0.0.1:PORT`.
    public var url: String { "https://127.0.0.1:\(port)" }

    deinit { close(descriptor) }
}
