import MultinetCNI
import MultinetJSON

/// A CNI plugin's commands, as libcni's `skel` dispatches them: one function per command.
///
/// ``CNIDispatcher`` parses the environment and stdin and calls these; tests can call them
/// in-process as well as through the binary. A command may throw any error: the
/// dispatcher reports it with `CNIError(reporting:)`.
public protocol CNIPlugin {
    /// ADD: attach and return the result in the runtime's version.
    func add(_ request: CNIRequest) async throws -> JSONValue
    /// DEL: detach; succeeds when there is nothing to detach.
    func del(_ request: CNIRequest) async throws
    /// CHECK: verify an attachment.
    func check(_ request: CNIRequest) async throws
    /// STATUS: whether ADDs can be served.
    func status(_ request: CNIRequest) async throws
    /// GC: clean up attachments that are not valid any more.
    func gc(_ request: CNIRequest) async throws
}
