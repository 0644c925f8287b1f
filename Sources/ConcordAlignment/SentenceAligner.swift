import Foundation

/// Aligns the sentences of a document with those of its translation: dynamic programming
/// over beads (1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1, 1-3), each scored by how well its lengths
/// agree under the length ratio of this document pair (so English–Chinese needs no setting)
/// and by the anchors its two sides share or lack (numbers, acronyms, names, glossary
/// concepts). A second pass, for documents long enough to learn from, uses word translations
/// and bead-shape frequencies learned from the first pass's confident beads.
public struct SentenceAligner: Sendable {
    /// Cells either side of the diagonal (or of the first pass's path) tried first; doubled
    /// while the best path runs along the edge.
    static let firstBand = 30
    static let secondBand = 8
    /// How often a band is moved to follow a path that runs along its edge before it is widened.
    static let bandMoves = 1
    /// Sentences per block of the rough first path, and the fewest blocks worth it.
    static let blockSize = 8
    static let minimumBlocks = 40
    /// Beads at least this sure in the first pass teach the second.
    static let trainingConfidence = 0.6

    public init() {}

    /// The beads that cover both sentence lists in order. `capitalisedWords`: the sides are
    /// written in different scripts, so capitalised Latin words (names) on both are anchors.
    /// `sourceConcepts` and `targetConcepts` (one list per sentence, or empty): the glossary
    /// concepts each sentence names, anchors across any pair of languages (SCO = ШОС = 上合组织).
    /// `sections`: ranges of source and target sentences known to correspond (paragraphs),
    /// aligned each on its own and in order; nil aligns the whole documents.
    public func align(source: [String], target: [String], capitalisedWords: Bool = false,
                      sourceConcepts: [[String]] = [], targetConcepts: [[String]] = [],
                      sections: [(source: Range<Int>, target: Range<Int>)]? = nil) -> [Bead] {
        let document = AlignmentDocument(source: source, target: target, capitalisedWords: capitalisedWords,
                                         sourceConcepts: sourceConcepts, targetConcepts: targetConcepts)
        let sections = sections ?? [(0..<source.count, 0..<target.count)]
        var scorer = BeadScorer(document: document)
        let firstBySection = sections.map { align($0.source, $0.target, scorer: scorer, around: nil, posteriors: false) }
        let first = firstBySection.flatMap { $0 }
        // The first pass's confidence is the bead's own cost (posteriors over its wide band would be dear).
        let confident = first.filter { !$0.source.isEmpty && !$0.target.isEmpty && $0.confidence >= Self.trainingConfidence }
            .map { (source: $0.source, target: $0.target) }
        let firstPath = first.map { (source: $0.source, target: $0.target) }
        if let lexicon = TranslationLexicon(document: document, beads: confident) {
            scorer.learnPriors(from: firstPath)
            let windows = AlignmentTable.around(firstPath, sourceCount: document.sourceCount, targetCount: document.targetCount, width: Self.secondBand * 4)
            scorer.lexical = LexicalEvidence(lexicon: lexicon, document: document, windows: windows, longestBead: 3)
        }
        // The final pass: in a band around the first path, with what was learned, and each bead's posterior.
        let final = zip(sections, firstBySection).flatMap { section, path in
            align(section.source, section.target, scorer: scorer, around: path.map { (source: $0.source, target: $0.target) }, posteriors: true)
        }
        return final.map { Bead(source: Array($0.source), target: Array($0.target), confidence: $0.source.isEmpty || $0.target.isEmpty ? 0 : $0.confidence) }
    }

    typealias ScoredBead = (source: Range<Int>, target: Range<Int>, confidence: Double)

    /// The cheapest path through one section, in a band around its diagonal (or around an
    /// earlier path). A path that runs along the band's edge wants to go further: the band is
    /// moved to follow it, and widened when moving it does not settle it.
    private func align(_ source: Range<Int>, _ target: Range<Int>, scorer: BeadScorer,
                       around earlier: [(source: Range<Int>, target: Range<Int>)]?, posteriors: Bool, coarse: Bool = true) -> [ScoredBead] {
        let (sourceCount, targetCount) = (source.count, target.count)
        let offset = (source: source.lowerBound, target: target.lowerBound)
        var width = earlier == nil ? Self.firstBand : Self.secondBand
        let earlier = earlier ?? (coarse ? coarsePath(source, target, scorer: scorer) : nil)
        var guide = earlier.map { path in path.map { ($0.source.lowerBound - offset.source..<$0.source.upperBound - offset.source,
                                                      $0.target.lowerBound - offset.target..<$0.target.upperBound - offset.target) } }
        var moves = 0
        while true {
            let windows = guide.map { AlignmentTable.around($0, sourceCount: sourceCount, targetCount: targetCount, width: width) }
                ?? AlignmentTable.diagonal(sourceCount: sourceCount, targetCount: targetCount, width: width)
            var table = AlignmentTable(sourceCount: sourceCount, targetCount: targetCount, windows: windows,
                                       keepingBeadCostsOf: posteriors ? scorer.shapes.count : 0)
            fill(&table, scorer: scorer, offset: offset)
            let path = table.path()
            if width >= max(sourceCount, targetCount) || (!path.isEmpty && !table.touchesEdge(path)) {
                return scored(path, table: table, scorer: scorer, offset: offset, posteriors: posteriors)
            }
            if path.isEmpty || moves == Self.bandMoves {
                width *= 2
                moves = 0
            } else {
                guide = path
                moves += 1
            }
        }
    }

    /// For a long section, a rough path to guide the first pass: both sides cut into blocks of
    /// about `blockSize` sentences, the blocks aligned on their lengths, the block path mapped
    /// back to sentences. A long translation wanders far from the diagonal (the Bible in
    /// Chinese by 150 sentences); following this path, the band stays narrow.
    private func coarsePath(_ source: Range<Int>, _ target: Range<Int>, scorer: BeadScorer) -> [(source: Range<Int>, target: Range<Int>)]? {
        let blocks = min(source.count, target.count) / Self.blockSize
        guard blocks >= Self.minimumBlocks else { return nil }
        let coarse = AlignmentDocument(blocksOf: scorer.document, source: source, target: target, blocks: blocks)
        let blockScorer = BeadScorer(document: coarse)
        let path = align(0..<blocks, 0..<blocks, scorer: blockScorer, around: nil, posteriors: false, coarse: false)
        return path.map { bead in
            (coarse.sourceBoundaries[bead.source.lowerBound]..<coarse.sourceBoundaries[bead.source.upperBound],
             coarse.targetBoundaries[bead.target.lowerBound]..<coarse.targetBoundaries[bead.target.upperBound])
        }
    }

    /// A section's path in document positions, each bead with its posterior (or, cheaper, the confidence its own cost gives).
    private func scored(_ path: [(source: Range<Int>, target: Range<Int>)], table dynamic: AlignmentTable, scorer: BeadScorer,
                        offset: (source: Int, target: Int), posteriors: Bool) -> [ScoredBead] {
        let table = posteriors ? BeadPosteriors(dynamic, shapes: scorer.shapes) : nil
        return path.map { bead in
            let source = (bead.source.lowerBound + offset.source)..<(bead.source.upperBound + offset.source)
            let target = (bead.target.lowerBound + offset.target)..<(bead.target.upperBound + offset.target)
            guard let table, let shape = scorer.shapes.firstIndex(where: { $0.source == bead.source.count && $0.target == bead.target.count }) else {
                return (source, target, scorer.confidence(source, target))
            }
            // Sure only when both hold: no other way of pairing these sentences comes close (the
            // posterior), and the two sides look like translations of each other (the bead's own
            // cost: a misplaced line in a corpus wins every comparison and is still no translation).
            let posterior = table.posterior(endingAt: bead.source.upperBound, bead.target.upperBound, shape: shape)
            return (source, target, (posterior * scorer.confidence(source, target)).squareRoot())
        }
    }

    /// Each cell's cheapest way in, over every shape (and, when the table keeps them, each shape's cost).
    private func fill(_ table: inout AlignmentTable, scorer: BeadScorer, offset: (source: Int, target: Int)) {
        let shapes = scorer.shapes
        var costs = [Double](repeating: .infinity, count: shapes.count)
        costs.withUnsafeMutableBufferPointer { beadCosts in
            for i in 0...table.sourceCount {
                for j in table.windows[i] where i > 0 || j > 0 {
                    var best = Double.infinity, step: UInt8 = 0
                    for (index, shape) in shapes.enumerated() {
                        beadCosts[index] = .infinity
                        guard shape.source <= i, shape.target <= j else { continue }
                        let before = table.cost(i - shape.source, j - shape.target)
                        guard before.isFinite else { continue }
                        let cost = shape.prior + scorer.cost((offset.source + i - shape.source)..<(offset.source + i),
                                                             (offset.target + j - shape.target)..<(offset.target + j))
                        beadCosts[index] = cost
                        if before + cost < best {
                            best = before + cost
                            step = UInt8(shape.source << 4 | shape.target)
                        }
                    }
                    table.set(i, j, cost: best, step: step, beadCosts: UnsafeBufferPointer(beadCosts))
                }
            }
        }
    }
}
