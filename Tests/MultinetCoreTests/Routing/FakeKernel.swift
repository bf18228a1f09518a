import Synchronization
@testable import MultinetCNI
@testable import MultinetNetlink

/// A pod namespace's kernel state in memory, for in-process plugin tests: links and a route
/// table that ``KernelSession`` calls read and change, with scripted failures, and a log
/// of every change as `add ROUTE` / `del ROUTE` lines.
final class FakeKernel: NamespaceKernel {
    struct State {
        var links: [KernelLink] = []
        var routes: [KernelRoute] = []
        var log: [String] = []
        var sessions: [String] = []
        var failAdd: (gateway: IPAddress, errno: Int32)?
        var failOpen: NetlinkError?
    }
    let state = Mutex<State>(State())

    init(links: [KernelLink], routes: [KernelRoute]) {
        state.withLock { $0.links = links; $0.routes = routes }
    }

    var routes: [KernelRoute] { state.withLock { $0.routes } }
    var log: [String] { state.withLock { $0.log } }
    var sessions: [String] { state.withLock { $0.sessions } }

    /// Makes additions of routes via `gateway` fail with `errno`.
    func failAdditions(via gateway: IPAddress, errno: Int32) { state.withLock { $0.failAdd = (gateway, errno) } }

    func session(netns: String) throws(NetlinkError) -> any KernelSession {
        let failure = state.withLock { state -> NetlinkError? in
            state.sessions.append(netns)
            return state.failOpen
        }
        if let failure { throw failure }
        return Session(kernel: self)
    }

    final class Session: KernelSession {
        let kernel: FakeKernel
        init(kernel: FakeKernel) { self.kernel = kernel }

        func links() throws(NetlinkError) -> [KernelLink] { kernel.state.withLock { $0.links } }
        func addresses(family: IPAddress.Family?) throws(NetlinkError) -> [KernelAddress] { [] }
        func routes(family: IPAddress.Family?) throws(NetlinkError) -> [KernelRoute] {
            kernel.state.withLock { $0.routes.filter { family == nil || $0.family == family } }
        }

        func add(_ route: KernelRoute) throws(NetlinkError) {
            let failure = kernel.state.withLock { state -> Int32? in
                if let failure = state.failAdd, route.gateway == failure.gateway {
                    state.log.append("add failed \(route)")
                    return failure.errno
                }
                state.routes.append(route)
                state.log.append("add \(route)")
                return nil
            }
            if let failure { throw .kernel(request: "adding the route \(route)", errno: failure, message: nil) }
        }

        func delete(_ route: KernelRoute) throws(NetlinkError) {
            let found = kernel.state.withLock { state -> Bool in
                guard let index = state.routes.firstIndex(of: route) else { return false }
                state.routes.remove(at: index)
                state.log.append("del \(route)")
                return true
            }
            if !found { throw .kernel(request: "removing the route \(route)", errno: 3, message: nil) }
        }
    }
}
