import Synchronization
import MultinetCNI
import MultinetPlanning

/// The outcomes of a pod's concurrent network lookups, by selection index.
final class LookupResults: Sendable {
    private let results = Mutex<[Int: Result<NetworkDefinition, any Error>]>([:])

    func store(_ index: Int, _ result: Result<NetworkDefinition, any Error>) {
        results.withLock { $0[index] = result }
    }

    func result(at index: Int) -> Result<NetworkDefinition, any Error>? {
        results.withLock { $0[index] }
    }
}
