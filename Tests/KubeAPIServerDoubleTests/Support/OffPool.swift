import Foundation
import MultinetTestSupport

/// Runs blocking commands on their own thread, so waiting for them never blocks Swift's
/// cooperative pool, which the server under test needs to answer them.
enum OffPool {
    /// `Shell.run(args)` on a dedicated thread.
    static func run(_ args: [String], input: Data = Data(), timeout: TimeInterval = 60) async throws -> ShellResult {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try Shell.run(args, input: input, timeout: timeout) })
            }
            thread.start()
        }
    }
}
