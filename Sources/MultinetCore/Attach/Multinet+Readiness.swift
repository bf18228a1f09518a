#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MultinetCNI
import MultinetPlanning
import MultinetSystem

extension Multinet {
    /// Waits for Multus's `readinessindicatorfile`, when configured, for at most
    /// `apiTimeoutSeconds`, before anything is attached (DEL never waits).
    func waitForReadiness(_ request: CNIRequest) async throws {
        guard let path = request.config.multus.readinessIndicatorFile else { return }
        let wait = ReadinessWait(path: path, timeoutSeconds: request.config.apiTimeoutSeconds)
        var logged = false
        let waited: UInt64
        do {
            waited = try await phases.measure("readiness") { () async throws in
                try await wait.wait(exists: { FileSystem.exists(path) }, now: MonotonicClock.nanoseconds) { pause in
                    if !logged {
                        logged = true
                        logger.info("waiting for the readinessindicatorfile",
                                    metadata: ["file": .string(path), "pod": .string(request.pod.displayName)])
                    }
                    try? await Task.sleep(nanoseconds: pause)
                }
            }
        } catch {
            throw ContextualFailure(context: "pod \(request.pod.displayName)", underlying: error)
        }
        if waited > 0 {
            logger.info("the readinessindicatorfile is there", metadata: [
                "file": .string(path), "ms": .string(String(waited / 1_000_000)),
            ])
        }
    }
}
