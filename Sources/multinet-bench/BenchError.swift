/// Why the benchmark stopped.
enum BenchError: Error, CustomStringConvertible {
    /// A prerequisite is missing (root, the plugins, the binaries).
    case missing(String)
    /// A step failed.
    case failed(String)

    var description: String {
        switch self {
        case .missing(let what): "cannot run the benchmark: \(what)"
        case .failed(let what): what
        }
    }
}
