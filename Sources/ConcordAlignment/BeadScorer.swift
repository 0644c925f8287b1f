import Foundation

/// The cost of a bead (lower is likelier), in nats: the shape's prior, how far the lengths
/// disagree under this pair's length ratio (Gale & Church), the anchors the two sides share
/// or lack, and — once a lexicon has been learned from the pair — how many source words find
/// their translation on the other side, against how many would by chance.
struct BeadScorer {
    /// A bead shape and its prior cost (−log of how often it occurs, relative to 1-1).
    struct Shape: Sendable {
        let source: Int
        let target: Int
        var prior: Double
    }

    /// The shapes tried, with priors that fit translations in general; ``learningPriors(from:)``
    /// fits them to one document pair.
    static let defaultShapes: [Shape] = [
        Shape(source: 1, target: 1, prior: 0.0), Shape(source: 1, target: 2, prior: 2.3), Shape(source: 2, target: 1, prior: 2.3),
        Shape(source: 1, target: 0, prior: 3.0), Shape(source: 0, target: 1, prior: 3.0), Shape(source: 2, target: 2, prior: 4.5),
        Shape(source: 1, target: 3, prior: 5.0), Shape(source: 3, target: 1, prior: 5.0),
    ]
    /// Weight of one shared anchor (a cost reduction) and one unmatched anchor (a cost).
    static let sharedAnchor = 2.5
    static let unmatchedAnchor = 1.0
    /// Variance of the target length per source character (Gale & Church's 6.8, in characters).
    static let variance = 6.8
    /// Words in one sentence are not independent witnesses: their log-likelihood ratio is damped.
    static let lexicalWeight = 0.5
    /// Pseudo-counts of the general priors when fitting them to a pair.
    static let priorStrength = 20.0

    let document: AlignmentDocument
    var shapes = Self.defaultShapes
    var lexical: LexicalEvidence?

    /// The cost of aligning two blocks; an omission or addition (one side empty) costs its
    /// prior and the numbers, acronyms and concepts it would leave without a counterpart (the
    /// local evidence that the sentence was translated after all), never the ruinous tail of
    /// the length model. Measured on textberg de-fr: a cost growing with length did worse.
    func cost(_ source: Range<Int>, _ target: Range<Int>) -> Double {
        if source.isEmpty || target.isEmpty {
            return Self.unmatchedAnchor * Double(document.anchorOverlap(source: source, target: target).unmatched)
        }
        let length = lengthCost(document.length(source: source), document.length(target: target))
        let overlap = document.anchorOverlap(source: source, target: target)
        let anchors = -Self.sharedAnchor * Double(overlap.shared) + Self.unmatchedAnchor * Double(overlap.unmatched)
        return length + anchors + (lexical.map { Self.lexicalWeight * $0.cost(source, target) } ?? 0)
    }

    /// −log P(a length difference at least this large), Gale & Church's model.
    func lengthCost(_ sourceLength: Int, _ targetLength: Int) -> Double {
        let ratio = document.ratio
        let expected = Double(sourceLength) * ratio
        let mean = (Double(sourceLength) + Double(targetLength) / ratio) / 2
        let delta = (Double(targetLength) - expected) / (Self.variance * max(1, mean) * ratio).squareRoot()
        return LengthCostTable.cost(deviations: delta)
    }

    /// 0–1: how sure the bead is, from its cost without the prior (an omission: 0).
    func confidence(_ source: Range<Int>, _ target: Range<Int>) -> Double {
        guard !source.isEmpty, !target.isEmpty else { return 0 }
        return 1 / (1 + exp(cost(source, target) - 2))
    }

    /// The priors of the shapes with two sides refitted to how often a first alignment of this
    /// pair used them (a Chinese translation that splits English sentences makes 1-2 cheap);
    /// omissions and additions keep theirs, so that a first guess cannot make them cheaper.
    mutating func learnPriors(from path: [(source: Range<Int>, target: Range<Int>)]) {
        let general = shapes.map { exp(-$0.prior) }
        let generalTotal = general.reduce(0, +)
        var counts = [Double](repeating: 0, count: shapes.count)
        for bead in path {
            if let index = shapes.firstIndex(where: { $0.source == bead.source.count && $0.target == bead.target.count }) { counts[index] += 1 }
        }
        func smoothed(_ index: Int) -> Double { counts[index] + Self.priorStrength * general[index] / generalTotal }
        let oneToOne = smoothed(0)
        for index in shapes.indices where shapes[index].source > 0 && shapes[index].target > 0 {
            shapes[index].prior = max(0, -log(smoothed(index) / oneToOne))
        }
    }
}
