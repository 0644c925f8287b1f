import Foundation

/// Aligns the sentences of a document with those of its translation: dynamic programming
/// over beads (1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1, 1-3), each scored by how well its lengths
/// agree under the length ratio of this document pair (so English–Chinese needs no setting)
/// and by the anchors its two sides share or lack (numbers, acronyms, names). An omission
/// costs what its length would have to explain, not a flat prior.
public struct SentenceAligner: Sendable {
    /// The bead shapes tried, with their prior costs (−log of how often they occur in translations).
    static let shapes: [(source: Int, target: Int, prior: Double)] = [
        (1, 1, 0.0), (1, 2, 2.3), (2, 1, 2.3), (1, 0, 4.0), (0, 1, 4.0), (2, 2, 4.5), (1, 3, 5.0), (3, 1, 5.0),
    ]
    /// Weight of one shared anchor (a cost reduction) and one unmatched anchor (a cost).
    static let sharedAnchor = 2.5
    static let unmatchedAnchor = 1.0
    /// Variance of the target length per source character (Gale & Church's 6.8, in characters).
    static let variance = 6.8

    public init() {}

    /// The beads that cover both sentence lists in order. `capitalisedWords`: the sides are
    /// written in different scripts, so capitalised Latin words (names) on both are anchors.
    public func align(source: [String], target: [String], capitalisedWords: Bool = false) -> [Bead] {
        let sourceSentences = source.map { AlignedSentence($0, capitalisedWords: capitalisedWords) }
        let targetSentences = target.map { AlignedSentence($0, capitalisedWords: capitalisedWords) }
        let sourceTotal = sourceSentences.reduce(0) { $0 + $1.length }, targetTotal = targetSentences.reduce(0) { $0 + $1.length }
        // Characters of the translation per character of the source, estimated on this pair.
        let ratio = sourceTotal > 0 && targetTotal > 0 ? Double(targetTotal) / Double(sourceTotal) : 1
        var table = AlignmentTable(sourceCount: source.count, targetCount: target.count)
        for i in 0...source.count {
            for j in table.window(row: i) {
                guard i > 0 || j > 0 else { continue }
                for shape in Self.shapes where shape.source <= i && shape.target <= j {
                    let before = table.cost(i - shape.source, j - shape.target)
                    guard before.isFinite else { continue }
                    let cost = before + shape.prior + beadCost(Array(sourceSentences[(i - shape.source)..<i]),
                                                               Array(targetSentences[(j - shape.target)..<j]), ratio: ratio)
                    table.offer(cost, at: i, j, from: shape.source, shape.target)
                }
            }
        }
        return table.beads { sources, targets in
            confidence(Array(sourceSentences[sources]), Array(targetSentences[targets]), ratio: ratio)
        }
    }

    /// The cost of aligning two blocks: the length mismatch (in standard deviations, as
    /// −log of its two-sided probability) less the anchors they share, plus those they do not.
    func beadCost(_ source: [AlignedSentence], _ target: [AlignedSentence], ratio: Double) -> Double {
        let overlap = AlignmentAnchors.compare(source.map(\.anchors), target.map(\.anchors))
        let anchors = -Self.sharedAnchor * Double(overlap.shared) + Self.unmatchedAnchor * Double(overlap.unmatched)
        return lengthCost(source.reduce(0) { $0 + $1.length }, target.reduce(0) { $0 + $1.length }, ratio: ratio) + anchors
    }

    /// −log P(a length difference at least this large), Gale & Church's model; an omission
    /// (one side empty) is as costly as the length it leaves unexplained.
    func lengthCost(_ sourceLength: Int, _ targetLength: Int, ratio: Double) -> Double {
        let expected = Double(sourceLength) * ratio
        let mean = (Double(sourceLength) + Double(targetLength) / ratio) / 2
        let delta = (Double(targetLength) - expected) / (Self.variance * max(1, mean) * ratio).squareRoot()
        let probability = max(1e-12, erfc(abs(delta) / 2.squareRoot()))
        return -log(probability)
    }

    /// 0–1: the probability the lengths give, raised by shared anchors, lowered by unmatched ones.
    func confidence(_ source: [AlignedSentence], _ target: [AlignedSentence], ratio: Double) -> Double {
        guard !source.isEmpty, !target.isEmpty else { return 0 }
        let cost = beadCost(source, target, ratio: ratio)
        return 1 / (1 + exp(cost - 2))
    }
}

/// A sentence as the aligner sees it: its length in characters (white space left out) and its anchors.
struct AlignedSentence: Sendable {
    let length: Int
    let anchors: AlignmentAnchors

    init(_ text: String, capitalisedWords: Bool) {
        length = text.filter { !$0.isWhitespace }.count
        anchors = AlignmentAnchors(text, capitalisedWords: capitalisedWords)
    }
}
