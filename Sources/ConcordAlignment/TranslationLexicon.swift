/// Word translations learned from a document pair's own confident beads, with no dictionary
/// given: a source word and a target word (or Chinese character) that keep turning up in the
/// same beads, far more often than their frequencies explain (Dice coefficient), are taken
/// as translations. A bead is then judged by how many of its source words find one of their
/// translations on the other side, against how many would by chance.
struct TranslationLexicon: Sendable {
    /// Up to `translationsPerWord` target word ids for each source word id (empty: none learned).
    let translations: [[Int32]]
    /// How often a source word with translations finds one in the right target sentence, and
    /// in a wrong one (measured on this pair: the confident beads, and the same beads shifted).
    let hitRate: Double
    let chanceRate: Double

    static let translationsPerWord = 3
    static let minimumDice = 0.3
    static let minimumCooccurrences = 2
    /// Fewer training beads than this and nothing is learned (a press release aligns on lengths and anchors).
    static let minimumBeads = 30
    static let maximumBeads = 20_000

    /// Learns from `beads` (source and target sentence ranges of confident beads) of `document`;
    /// nil when there are too few beads or the learned words do not tell right from wrong.
    init?(document: AlignmentDocument, beads: [(source: Range<Int>, target: Range<Int>)]) {
        guard beads.count >= Self.minimumBeads else { return nil }
        // An even sample of a long document's beads teaches as much, in bounded time.
        let stride = max(1, beads.count / Self.maximumBeads + (beads.count % Self.maximumBeads == 0 ? 0 : 1))
        let sample = Swift.stride(from: 0, to: beads.count, by: stride).map { beads[$0] }
        let words = sample.map { bead in
            (source: Self.union(bead.source.map { document.sourceWords[$0] }), target: Self.union(bead.target.map { document.targetWords[$0] }))
        }
        var sourceCounts = [Int32](repeating: 0, count: document.sourceVocabularySize)
        var targetCounts = [Int32](repeating: 0, count: document.targetVocabularySize)
        for bead in words {
            for word in bead.source { sourceCounts[Int(word)] += 1 }
            for word in bead.target { targetCounts[Int(word)] += 1 }
        }
        // Words seen once cannot co-occur twice; words in many beads say little of any one bead
        // (more than a tenth of them; a short document keeps words up to a quarter, or it has none left).
        let ceiling = Int32(max(2, min(sample.count / 4, max(sample.count / 10, 50))))
        func useful(_ count: Int32) -> Bool { count >= Int32(Self.minimumCooccurrences) && count <= ceiling }
        var pairs: [Int64: Int32] = [:]
        pairs.reserveCapacity(sample.count * 64)
        for bead in words {
            let targets = bead.target.filter { useful(targetCounts[Int($0)]) }
            for source in bead.source where useful(sourceCounts[Int(source)]) {
                for target in targets { pairs[Int64(source) << 32 | Int64(target), default: 0] += 1 }
            }
        }
        var candidates = [[(target: Int32, dice: Double)]](repeating: [], count: document.sourceVocabularySize)
        for (key, count) in pairs where count >= Int32(Self.minimumCooccurrences) {
            let (source, target) = (Int(key >> 32), Int32(truncatingIfNeeded: key))
            let dice = 2 * Double(count) / Double(sourceCounts[source] + targetCounts[Int(target)])
            if dice >= Self.minimumDice { candidates[source].append((target, dice)) }
        }
        // Ties broken by id: the same documents give the same alignment in every run.
        translations = candidates.map { Array($0.sorted { $0.dice != $1.dice ? $0.dice > $1.dice : $0.target < $1.target }.prefix(Self.translationsPerWord).map(\.target)).sorted() }
        (hitRate, chanceRate) = Self.rates(translations, document, beads)
        guard hitRate > chanceRate + 0.1 else { return nil }
    }

    /// Source words of `source` with a learned translation, and how many find one in `target`.
    func hits(_ document: AlignmentDocument, source: Int, target: Int) -> (covered: Int, hits: Int) {
        Self.hits(translations, document.sourceWords[source], document.targetWords[target])
    }

    /// Source words of `source` with a learned translation.
    func coveredWords(_ document: AlignmentDocument, source: Int) -> Int {
        document.sourceWords[source].reduce(0) { $0 + (translations[Int($1)].isEmpty ? 0 : 1) }
    }

    private static func hits(_ translations: [[Int32]], _ source: [Int32], _ target: [Int32]) -> (covered: Int, hits: Int) {
        var (covered, hits) = (0, 0)
        for word in source where !translations[Int(word)].isEmpty {
            covered += 1
            if translations[Int(word)].contains(where: { contains(target, $0) }) { hits += 1 }
        }
        return (covered, hits)
    }

    private static func rates(_ translations: [[Int32]], _ document: AlignmentDocument,
                              _ beads: [(source: Range<Int>, target: Range<Int>)]) -> (Double, Double) {
        var (covered, hits, chanceCovered, chanceHits) = (0, 0, 0, 0)
        for bead in beads where bead.source.count == 1 && bead.target.count == 1 {
            let (source, target) = (bead.source.lowerBound, bead.target.lowerBound)
            let right = Self.hits(translations, document.sourceWords[source], document.targetWords[target])
            covered += right.covered; hits += right.hits
            for shifted in [target - 3, target + 3] where (0..<document.targetCount).contains(shifted) {
                let wrong = Self.hits(translations, document.sourceWords[source], document.targetWords[shifted])
                chanceCovered += wrong.covered; chanceHits += wrong.hits
            }
        }
        return (Double(hits) / Double(max(1, covered)), Double(chanceHits) / Double(max(1, chanceCovered)))
    }

    private static func union(_ lists: [[Int32]]) -> [Int32] { lists.count == 1 ? lists[0] : Array(Set(lists.joined())) }

    /// Binary search in a sorted list.
    static func contains(_ sorted: [Int32], _ value: Int32) -> Bool {
        var (low, high) = (0, sorted.count)
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == value
    }
}
