import Foundation

/// A learned lexicon read against the sentence pairs a second alignment will consider: for
/// each source sentence, how many of its words have a translation in the lexicon, and for each
/// target sentence in its window, how many of those find one. Computed once per pair of
/// sentences so that a bead of several sentences costs a few additions.
struct LexicalEvidence {
    private let covered: [Int]
    private let hitRows: [[UInt8]]
    private let rowStarts: [Int]
    private let hitRate: Double
    private let chanceRate: Double

    /// `windows`: for each source position 0...sourceCount, the target positions a bead may end at.
    init(lexicon: TranslationLexicon, document: AlignmentDocument, windows: [ClosedRange<Int>], longestBead: Int) {
        var covered: [Int] = [], rows: [[UInt8]] = [], starts: [Int] = []
        for source in 0..<document.sourceCount {
            // Beads ending at rows source+1 ... source+longestBead include this sentence.
            let last = min(document.sourceCount, source + longestBead)
            let low = max(0, windows[source + 1].lowerBound - longestBead), high = min(document.targetCount, windows[last].upperBound)
            var row: [UInt8] = []
            row.reserveCapacity(max(0, high - low))
            for target in low..<max(low, high) {
                row.append(UInt8(min(lexicon.hits(document, source: source, target: target).hits, 255)))
            }
            covered.append(lexicon.coveredWords(document, source: source))
            rows.append(row)
            starts.append(low)
        }
        self.covered = covered
        hitRows = rows
        rowStarts = starts
        hitRate = lexicon.hitRate
        chanceRate = lexicon.chanceRate
    }

    /// −(log-likelihood ratio of "these blocks translate each other" against "they do not"),
    /// each source word with a known translation a witness that finds it or not; the chance of
    /// finding one by accident grows with the number of target sentences.
    func cost(_ source: Range<Int>, _ target: Range<Int>) -> Double {
        var (words, hits) = (0, 0)
        for sentence in source {
            words += covered[sentence]
            var found = 0
            let row = hitRows[sentence], start = rowStarts[sentence]
            for position in target where position - start >= 0 && position - start < row.count { found += Int(row[position - start]) }
            hits += min(found, covered[sentence])
        }
        guard words > 0 else { return 0 }
        let chance = 1 - pow(1 - chanceRate, Double(target.count))
        let right = min(0.99, max(hitRate, chance + 0.01))
        let ratio = Double(hits) * log(right / chance) + Double(words - hits) * log((1 - right) / (1 - chance))
        return -ratio
    }
}
