import ConcordFormats

/// `tmx stats`: what a memory file holds.
public struct MemoryStatisticsRequest: Codable, Sendable, Equatable {
    public var input: InputLocation
    /// Keep the complete units before broken XML instead of failing.
    public var recover: Bool

    public init(input: InputLocation, recover: Bool = false) {
        self.input = input
        self.recover = recover
    }

    public func run() throws -> TMXStatisticsReport {
        try MemoryStatistics.compute(input, recover: recover).report
    }
}
