import Glibc

/// A reproducible random number generator (SplitMix64) for randomised tests: print the
/// seed, and a failing run can be replayed exactly.
///
/// ```swift
/// var generator = SeededGenerator(seed: SeededGenerator.seed(environment: "MULTINET_STORM_SEED"))
/// let delay = Int.random(in: 0...300, using: &generator)
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator starting from `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The seed named by the environment variable `name` when it holds one, else a fresh
    /// random seed.
    public static func seed(environment name: String) -> UInt64 {
        if let text = getenv(name).map({ String(cString: $0) }), let seed = UInt64(text) { return seed }
        return UInt64.random(in: 1...UInt64(Int64.max))
    }
}
