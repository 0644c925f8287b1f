/// Both sides of a document pair as the aligner reads them: each sentence's length, its
/// anchors and its words, numbered once so that scoring a bead compares integers, not strings.
struct AlignmentDocument: Sendable {
    let sourceCount: Int
    let targetCount: Int
    /// Running totals of the sentences' lengths (a block's length in O(1)).
    let sourceTotals: [Int]
    let targetTotals: [Int]
    /// Characters of the translation per character of the source, estimated on this pair.
    let ratio: Double
    /// Each sentence's anchors as sorted numbers (the same key, the same number on both sides);
    /// odd numbers are the anchors whose absence counts (numbers, acronyms, concepts).
    let sourceAnchors: [[Int32]]
    let targetAnchors: [[Int32]]
    /// Running counts of sentences with anchors, and of anchors whose absence counts (a block
    /// without any is answered in O(1)).
    private let sourceAnchored: [Int32]
    private let targetAnchored: [Int32]
    private let sourceCounting: [Int32]
    private let targetCounting: [Int32]
    /// Each sentence's words (or, in Chinese and Japanese, characters) as sorted distinct ids,
    /// numbered per side: what a lexicon learned from this pair is read against.
    let sourceWords: [[Int32]]
    let targetWords: [[Int32]]
    let sourceVocabularySize: Int
    let targetVocabularySize: Int

    init(source: [String], target: [String], capitalisedWords: Bool, sourceConcepts: [[String]], targetConcepts: [[String]]) {
        func lengths(_ texts: [String]) -> [Int] {
            texts.reduce(into: [0]) { totals, text in totals.append(totals.last! + Self.visibleLength(text)) }
        }
        sourceCount = source.count
        targetCount = target.count
        sourceTotals = lengths(source)
        targetTotals = lengths(target)
        let (sourceTotal, targetTotal) = (sourceTotals.last!, targetTotals.last!)
        ratio = sourceTotal > 0 && targetTotal > 0 ? Double(targetTotal) / Double(sourceTotal) : 1

        var anchorNumbers: [String: Int32] = [:]
        func anchorIDs(_ texts: [String], _ concepts: [[String]]) -> [[Int32]] {
            texts.enumerated().map { index, text in
                let anchors = AlignmentAnchors(text, capitalisedWords: capitalisedWords, concepts: index < concepts.count ? concepts[index] : [])
                // Across scripts an acronym is often translated (UNICEF = ЮНИСЕФ = 儿童基金会): there, only a shared
                // one is evidence, a missing one is not.
                let keys = anchors.numbers.map { ($0, true) }
                    + anchors.names.map { ($0, AlignmentAnchors.isConcept($0) || (!capitalisedWords && AlignmentAnchors.isAcronym($0))) }
                return keys.map { key, counts in
                    let base = anchorNumbers[key] ?? { let next = Int32(anchorNumbers.count); anchorNumbers[key] = next; return next }()
                    return base * 2 + (counts ? 1 : 0)
                }.sorted()
            }
        }
        sourceAnchors = anchorIDs(source, sourceConcepts)
        targetAnchors = anchorIDs(target, targetConcepts)
        func running(_ anchors: [[Int32]], _ count: ([Int32]) -> Int) -> [Int32] {
            anchors.reduce(into: [0]) { $0.append($0.last! + Int32(count($1))) }
        }
        sourceAnchored = running(sourceAnchors) { $0.isEmpty ? 0 : 1 }
        targetAnchored = running(targetAnchors) { $0.isEmpty ? 0 : 1 }
        sourceCounting = running(sourceAnchors, Self.counting)
        targetCounting = running(targetAnchors, Self.counting)

        func wordIDs(_ texts: [String]) -> (ids: [[Int32]], vocabulary: Int) {
            var vocabulary: [LexicalTokens.Token: Int32] = [:]
            let ids = texts.map { text in
                var words = LexicalTokens.split(text).map { word in
                    vocabulary[word] ?? { let next = Int32(vocabulary.count); vocabulary[word] = next; return next }()
                }
                words.sort()
                return words.enumerated().filter { $0.offset == 0 || words[$0.offset - 1] != $0.element }.map(\.element)
            }
            return (ids, vocabulary.count)
        }
        (sourceWords, sourceVocabularySize) = wordIDs(source)
        (targetWords, targetVocabularySize) = wordIDs(target)
    }

    /// A coarse view of one section of `document` for a first rough path: each side cut into
    /// `blocks` runs of consecutive sentences (as many runs on both sides), each run one
    /// "sentence" with its length; no anchors or words.
    init(blocksOf document: AlignmentDocument, source: Range<Int>, target: Range<Int>, blocks: Int) {
        func cuts(_ range: Range<Int>) -> [Int] { (0...blocks).map { range.lowerBound + $0 * range.count / blocks } }
        sourceBoundaries = cuts(source)
        targetBoundaries = cuts(target)
        sourceCount = blocks
        targetCount = blocks
        sourceTotals = sourceBoundaries.map { document.sourceTotals[$0] - document.sourceTotals[source.lowerBound] }
        targetTotals = targetBoundaries.map { document.targetTotals[$0] - document.targetTotals[target.lowerBound] }
        ratio = document.ratio
        sourceAnchors = Array(repeating: [], count: blocks)
        targetAnchors = sourceAnchors
        sourceAnchored = Array(repeating: 0, count: blocks + 1)
        (targetAnchored, sourceCounting, targetCounting) = (sourceAnchored, sourceAnchored, sourceAnchored)
        (sourceWords, targetWords, sourceVocabularySize, targetVocabularySize) = ([], [], 0, 0)
    }

    /// For a coarse view, the first sentence of each block and the end (empty otherwise).
    private(set) var sourceBoundaries: [Int] = []
    private(set) var targetBoundaries: [Int] = []

    func length(source range: Range<Int>) -> Int { sourceTotals[range.upperBound] - sourceTotals[range.lowerBound] }
    func length(target range: Range<Int>) -> Int { targetTotals[range.upperBound] - targetTotals[range.lowerBound] }

    /// The anchors two blocks share, and those (numbers, acronyms, concepts) one has that the other lacks.
    func anchorOverlap(source: Range<Int>, target: Range<Int>) -> AnchorOverlap {
        // Most sentences have no anchor at all: answer those without merging anything.
        let sourceEmpty = sourceAnchored[source.upperBound] == sourceAnchored[source.lowerBound]
        let targetEmpty = targetAnchored[target.upperBound] == targetAnchored[target.lowerBound]
        if sourceEmpty || targetEmpty {
            let counting = sourceCounting[source.upperBound] - sourceCounting[source.lowerBound] + targetCounting[target.upperBound] - targetCounting[target.lowerBound]
            return AnchorOverlap(shared: 0, unmatched: Int(counting))
        }
        return AnchorOverlap(source.map { sourceAnchors[$0] }, target.map { targetAnchors[$0] })
    }

    /// Characters other than white space (Unicode scalars: what a length ratio counts).
    static func visibleLength(_ text: String) -> Int {
        var count = 0
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                if scalar.value != 0x20, !(0x09...0x0D).contains(scalar.value) { count += 1 }
            } else if (0x3000...0x9FFF).contains(scalar.value) ? scalar.value == 0x3000 : scalar.properties.isWhitespace {
                continue
            } else {
                count += 1
            }
        }
        return count
    }

    /// Anchors whose absence on the other side counts.
    static func counting(_ anchors: [Int32]) -> Int { anchors.reduce(0) { $0 + Int($1 & 1) } }
}
