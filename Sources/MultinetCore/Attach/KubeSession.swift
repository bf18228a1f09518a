import MultinetCNI
import MultinetPlanning
import MultinetSystem

/// The apiserver access of one ADD, made on first use and closed once: a plain pod whose
/// annotations came from the runtime never opens a connection.
final class KubeSession {
    private let factory: any KubeAccessFactory
    private let config: MultinetConfig
    private let environment: CNIEnvironment
    private let phases: PhaseClock
    private var made = false
    private var access: (any KubeAccess)?

    init(factory: any KubeAccessFactory, config: MultinetConfig, environment: CNIEnvironment, phases: PhaseClock) {
        self.factory = factory
        self.config = config
        self.environment = environment
        self.phases = phases
    }

    /// The access, `nil` when no apiserver is configured.
    func get() throws -> (any KubeAccess)? {
        if !made {
            made = true
            access = try phases.measure("kube.setup") { () throws in
                try factory.make(config: config, environment: environment)
            }.map { TimedKubeAccess(base: $0, phases: phases) }
        }
        return access
    }

    /// Whether an apiserver connection was made (and is still open).
    var isOpen: Bool { access != nil }

    /// Closes the connection, if one was made.
    func shutdown() async {
        await access?.shutdown()
        access = nil
    }
}
