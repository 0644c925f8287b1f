/// Sentences of one side aligned with sentences of the other: 1-1, 1-0 (an omission),
/// 0-1 (an addition), 2-1, 1-2, 2-2, 3-1 or 1-3. Indices are 0-based sentence positions.
public struct Bead: Codable, Sendable, Equatable {
    public var source: [Int]
    public var target: [Int]
    /// How sure the aligner is, 0–1: how well lengths and anchors agree.
    public var confidence: Double

    public init(source: [Int], target: [Int], confidence: Double) {
        self.source = source
        self.target = target
        self.confidence = confidence
    }
}
