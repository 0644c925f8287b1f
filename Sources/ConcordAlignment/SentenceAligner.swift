import Foundation

/// Aligns the sentences of a document with those of its translation: dynamic programming
/// over beads (1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1, 1-3), each scored by how well its lengths
/// agree under the length ratio of this document pair (so English–Chinese needs no setting)
/// and by the anchors its two sides share or lack (numbers, acronyms, names). An omission
/// costs what its length would have to explain, not a flat prior.
public struct SentenceAligner: Sendable {
    /// The bead shapes tried, with their prior costs (−log of how often they occur in translations).
    static let shapes: [(source: Int, target: Int, prior: Double)] = [
        (1, 1, 0.0), (1, 2, 2.3), (2, 1, 2.3), (1, 0, 3.0), (0, 1, 3.0), (2, 2, 4.5), (1, 3, 5.0), (3, 1, 5.0),
    ]
    /// Weight of one shared anchor (a cost reduction) and one unmatched anchor (a cost).
    static let sharedAnchor = 2.5
    static let unmatchedAnchor = 1.0
    /// Variance of the target length per source character (Gale & Church's 6.8, in characters).
    static let variance = 6.8

    public init() {}

    /// The beads that cover both sentence lists in order. `capitalisedWords`: the sides are
    /// written in different scripts, so capitalised Latin words (names) on both are anchors.
    /// `sourceConcepts` and `targetConcepts` (one list per sentence, or empty): the glossary
    /// concepts each sentence names, anchors across any pair of languages (SCO = ШОС = 上合组织).
    public func align(source: [String], target: [String], capitalisedWords: Bool = false,
                      sourceConcepts: [[String]] = [], targetConcepts: [[String]] = []) -> [Bead] {
        func sentences(_ texts: [String], _ concepts: [[String]]) -> [AlignedSentence] {
            texts.enumerated().map { index, text in
                AlignedSentence(text, capitalisedWords: capitalisedWords, concepts: index < concepts.count ? concepts[index] : [])
            }
        }
        var sides = Sides(source: sentences(source, sourceConcepts), target: sentences(target, targetConcepts))
        sides.numberAnchors()
        var table = AlignmentTable(sourceCount: source.count, targetCount: target.count)
        for i in 0...source.count {
            for j in table.window(row: i) {
                guard i > 0 || j > 0 else { continue }
                for shape in Self.shapes where shape.source <= i && shape.target <= j {
                    let before = table.cost(i - shape.source, j - shape.target)
                    guard before.isFinite else { continue }
                    let cost = before + shape.prior + beadCost(sides, (i - shape.source)..<i, (j - shape.target)..<j)
                    table.offer(cost, at: i, j, from: shape.source, shape.target)
                }
            }
        }
        return table.beads { sources, targets in confidence(sides, sources, targets) }
    }

    /// Both documents' sentences, with running totals of their lengths (a block's length in O(1)).
    struct Sides {
        let source: [AlignedSentence]
        let target: [AlignedSentence]
        let sourceTotals: [Int]
        let targetTotals: [Int]
        /// Characters of the translation per character of the source, estimated on this pair.
        let ratio: Double
        /// Each sentence's anchors as sorted numbers (the same key, the same number on both sides);
        /// odd numbers are the anchors whose absence counts (numbers, acronyms, concepts).
        private(set) var sourceAnchors: [[Int32]] = []
        private(set) var targetAnchors: [[Int32]] = []

        init(source: [AlignedSentence], target: [AlignedSentence]) {
            self.source = source
            self.target = target
            sourceTotals = source.reduce(into: [0]) { $0.append($0.last! + $1.length) }
            targetTotals = target.reduce(into: [0]) { $0.append($0.last! + $1.length) }
            let (sourceTotal, targetTotal) = (sourceTotals.last!, targetTotals.last!)
            ratio = sourceTotal > 0 && targetTotal > 0 ? Double(targetTotal) / Double(sourceTotal) : 1
        }

        /// Numbers the anchor keys once, so that a bead compares integers, not strings.
        mutating func numberAnchors() {
            var numbers: [String: Int32] = [:]
            func ids(_ sentence: AlignedSentence) -> [Int32] {
                let keys = sentence.anchors.numbers.map { ($0, true) } + sentence.anchors.names.map { ($0, AlignmentAnchors.isAcronym($0)) }
                return keys.map { key, counts in
                    let base = numbers[key] ?? { let next = Int32(numbers.count); numbers[key] = next; return next }()
                    return base * 2 + (counts ? 1 : 0)
                }.sorted()
            }
            sourceAnchors = source.map(ids)
            targetAnchors = target.map(ids)
        }

        func length(source range: Range<Int>) -> Int { sourceTotals[range.upperBound] - sourceTotals[range.lowerBound] }
        func length(target range: Range<Int>) -> Int { targetTotals[range.upperBound] - targetTotals[range.lowerBound] }
    }

    /// The cost of aligning two blocks: the length mismatch (in standard deviations, as
    /// −log of its two-sided probability) less the anchors they share, plus those they do not.
    func beadCost(_ sides: Sides, _ source: Range<Int>, _ target: Range<Int>) -> Double {
        // An omission or an addition costs its prior and whatever numbers and acronyms it would
        // leave without a counterpart (the local evidence that the sentence was translated after
        // all), never the ruinous tail of the length model. Measured on textberg de-fr: a cost
        // growing with the sentence's length did worse.
        if source.isEmpty || target.isEmpty {
            var counting = 0
            for index in source { counting += sides.sourceAnchors[index].filter { $0 & 1 == 1 }.count }
            for index in target { counting += sides.targetAnchors[index].filter { $0 & 1 == 1 }.count }
            return Self.unmatchedAnchor * Double(counting)
        }
        let length = lengthCost(sides.length(source: source), sides.length(target: target), ratio: sides.ratio)
        let overlap = AnchorOverlap(source.map { sides.sourceAnchors[$0] }, target.map { sides.targetAnchors[$0] })
        return length - Self.sharedAnchor * Double(overlap.shared) + Self.unmatchedAnchor * Double(overlap.unmatched)
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
    func confidence(_ sides: Sides, _ source: Range<Int>, _ target: Range<Int>) -> Double {
        guard !source.isEmpty, !target.isEmpty else { return 0 }
        return 1 / (1 + exp(beadCost(sides, source, target) - 2))
    }
}

/// A sentence as the aligner sees it: its length in characters (white space left out) and its anchors.
struct AlignedSentence: Sendable {
    let length: Int
    let anchors: AlignmentAnchors

    init(_ text: String, capitalisedWords: Bool, concepts: [String] = []) {
        length = text.filter { !$0.isWhitespace }.count
        anchors = AlignmentAnchors(text, capitalisedWords: capitalisedWords, concepts: concepts)
    }
}
