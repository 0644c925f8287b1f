import Foundation

/// A learned lexicon read against the sentence pairs a second alignment will consider: for
/// each source sentence, how many of its words have a translation in the lexicon, and for each
/// target sentence in its window, how many of those find one. Computed once per pair of
/// sentences so that a bead of several sentences costs a few additions.
struct LexicalEvidence {
    private let covered: [Int]
    private let hitRows: [[UInt8]]
    private let rowStarts: [Int]
    /// For a target block of 1, 2, 3… sentences: what a hit and a miss weigh (log-likelihood
    /// ratios), computed once instead of at every bead.
    private let hitWeights: [Double]
    private let missWeights: [Double]

    /// `windows`: for each source position 0...sourceCount, the target positions a bead may end at.
    init(lexicon: TranslationLexicon, document: AlignmentDocument, windows: [ClosedRange<Int>], longestBead: Int) {
        var covered: [Int] = [], rows: [[UInt8]] = [], starts: [Int] = []
        for source in 0..<document.sourceCount {
            // Each translation of each covered word, with the word's slot, sorted by translation:
            // one merge with a target sentence's sorted words finds every hit.
            var wanted: [(word: Int32, slot: Int)] = []
            var slots = 0
            for word in document.sourceWords[source] where !lexicon.translations[Int(word)].isEmpty && slots < 64 {
                for translation in lexicon.translations[Int(word)] { wanted.append((translation, slots)) }
                slots += 1
            }
            wanted.sort { $0.word < $1.word }
            // Beads ending at rows source+1 ... source+longestBead include this sentence.
            let last = min(document.sourceCount, source + longestBead)
            let low = max(0, windows[source + 1].lowerBound - longestBead), high = min(document.targetCount, windows[last].upperBound)
            var row: [UInt8] = []
            row.reserveCapacity(max(0, high - low))
            for target in low..<max(low, high) {
                row.append(UInt8(Self.hits(wanted, document.targetWords[target])))
            }
            covered.append(slots)
            rows.append(row)
            starts.append(low)
        }
        self.covered = covered
        hitRows = rows
        rowStarts = starts
        (hitWeights, missWeights) = Self.weights(hitRate: lexicon.hitRate, chanceRate: lexicon.chanceRate, longestBead: longestBead)
    }

    /// The chance of finding a translation by accident grows with the number of target sentences.
    private static func weights(hitRate: Double, chanceRate: Double, longestBead: Int) -> ([Double], [Double]) {
        var hits = [0.0], misses = [0.0]
        for count in 1...longestBead {
            let chance = 1 - pow(1 - chanceRate, Double(count))
            let right = min(0.99, max(hitRate, chance + 0.01))
            hits.append(log(right / chance))
            misses.append(log((1 - right) / (1 - chance)))
        }
        return (hits, misses)
    }

    /// How many slots have a translation among `words` (both lists sorted).
    private static func hits(_ wanted: [(word: Int32, slot: Int)], _ words: [Int32]) -> Int {
        var (i, j) = (0, 0)
        var found: UInt64 = 0
        while i < wanted.count, j < words.count {
            if wanted[i].word == words[j] {
                found |= 1 << UInt64(wanted[i].slot)
                i += 1
            } else if wanted[i].word < words[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return found.nonzeroBitCount
    }

    /// −(log-likelihood ratio of "these blocks translate each other" against "they do not"),
    /// each source word with a known translation a witness that finds it or not.
    func cost(_ source: Range<Int>, _ target: Range<Int>) -> Double {
        var (words, hits) = (0, 0)
        for sentence in source {
            words += covered[sentence]
            var found = 0
            let row = hitRows[sentence], start = rowStarts[sentence]
            for position in target where position - start >= 0 && position - start < row.count { found += Int(row[position - start]) }
            hits += min(found, covered[sentence])
        }
        guard words > 0, target.count < hitWeights.count else { return 0 }
        return -(Double(hits) * hitWeights[target.count] + Double(words - hits) * missWeights[target.count])
    }
}
