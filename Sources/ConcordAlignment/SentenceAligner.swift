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
        let first = sections.flatMap { align($0.source, $0.target, scorer: scorer, around: nil) }
        let confident = first.filter { !$0.source.isEmpty && !$0.target.isEmpty && scorer.confidence($0.source, $0.target) >= Self.trainingConfidence }
        var path = first
        if let lexicon = TranslationLexicon(document: document, beads: confident) {
            scorer.learnPriors(from: first)
            let windows = AlignmentTable.around(first, sourceCount: document.sourceCount, targetCount: document.targetCount, width: Self.secondBand * 4)
            scorer.lexical = LexicalEvidence(lexicon: lexicon, document: document, windows: windows, longestBead: 3)
            path = sections.flatMap { section in
                align(section.source, section.target, scorer: scorer, around: first.filter { section.source.contains($0.source.lowerBound) || section.target.contains($0.target.lowerBound) })
            }
        }
        return path.map { Bead(source: Array($0.source), target: Array($0.target), confidence: scorer.confidence($0.source, $0.target)) }
    }

    /// The cheapest path through one section, in a band around its diagonal (or around an
    /// earlier path). A path that runs along the band's edge wants to go further: the band is
    /// moved to follow it, and widened when moving it a few times does not settle it.
    private func align(_ source: Range<Int>, _ target: Range<Int>, scorer: BeadScorer,
                       around earlier: [(source: Range<Int>, target: Range<Int>)]?) -> [(source: Range<Int>, target: Range<Int>)] {
        let (sourceCount, targetCount) = (source.count, target.count)
        var width = earlier == nil ? Self.firstBand : Self.secondBand
        var guide = earlier.map { path in path.map { ($0.source.lowerBound - source.lowerBound..<$0.source.upperBound - source.lowerBound,
                                                      $0.target.lowerBound - target.lowerBound..<$0.target.upperBound - target.lowerBound) } }
        var moves = 0
        while true {
            let windows = guide.map { AlignmentTable.around($0, sourceCount: sourceCount, targetCount: targetCount, width: width) }
                ?? AlignmentTable.diagonal(sourceCount: sourceCount, targetCount: targetCount, width: width)
            var table = AlignmentTable(sourceCount: sourceCount, targetCount: targetCount, windows: windows)
            fill(&table, scorer: scorer, offset: (source.lowerBound, target.lowerBound))
            let path = table.path()
            if width >= max(sourceCount, targetCount) || (!path.isEmpty && !table.touchesEdge(path)) {
                return path.map { ($0.source.lowerBound + source.lowerBound..<$0.source.upperBound + source.lowerBound,
                                   $0.target.lowerBound + target.lowerBound..<$0.target.upperBound + target.lowerBound) }
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

    private func fill(_ table: inout AlignmentTable, scorer: BeadScorer, offset: (source: Int, target: Int)) {
        for i in 0...table.sourceCount {
            for j in table.windows[i] where i > 0 || j > 0 {
                for shape in scorer.shapes where shape.source <= i && shape.target <= j {
                    let before = table.cost(i - shape.source, j - shape.target)
                    guard before.isFinite else { continue }
                    let bead = (offset.source + i - shape.source)..<(offset.source + i), targets = (offset.target + j - shape.target)..<(offset.target + j)
                    table.offer(before + shape.prior + scorer.cost(bead, targets), at: i, j, from: shape.source, shape.target)
                }
            }
        }
    }
}
