import Foundation

/// A small deterministic generator (SplitMix64) for randomised tests: the seed comes from
/// `CONCORD_TEST_SEED` when set (to replay a failure), else from the clock, and every
/// failure message names it.
public struct SeededGenerator: RandomNumberGenerator, CustomStringConvertible {
    public let seed: UInt64
    private var state: UInt64

    public init(seed: UInt64) {
        self.seed = seed
        state = seed
    }

    /// A generator seeded from `CONCORD_TEST_SEED`, or from the clock when it is not set.
    public static func fromEnvironment() -> SeededGenerator {
        if let text = ProcessInfo.processInfo.environment["CONCORD_TEST_SEED"], let seed = UInt64(text) {
            return SeededGenerator(seed: seed)
        }
        return SeededGenerator(seed: UInt64(DispatchTime.now().uptimeNanoseconds))
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// "seed N (replay with CONCORD_TEST_SEED=N)", for failure messages.
    public var description: String { "seed \(seed) (replay with CONCORD_TEST_SEED=\(seed))" }
}
