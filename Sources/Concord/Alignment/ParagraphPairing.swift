import ConcordAlignment

/// Whether two documents' paragraphs correspond one to one, and then the sentence ranges of
/// each pair: alignment within paragraphs cannot cross a boundary both documents have.
enum ParagraphPairing {
    /// Ranges of source and target sentences, one pair per paragraph; nil when the paragraphs do
    /// not correspond (different counts, or a pair whose length is far from the documents' ratio:
    /// a translation that merged or split paragraphs), so the whole documents are aligned at once.
    static func pairs(source: [SentenceSegment], target: [SentenceSegment]) -> [ParagraphPair]? {
        let sourceParagraphs = ranges(source), targetParagraphs = ranges(target)
        guard sourceParagraphs.count > 1, sourceParagraphs.count == targetParagraphs.count else { return nil }
        func length(_ sentences: ArraySlice<SentenceSegment>) -> Double { Double(sentences.reduce(0) { $0 + $1.text.count }) }
        let ratio = length(target[...]) / max(1, length(source[...]))
        for (sourceRange, targetRange) in zip(sourceParagraphs, targetParagraphs) {
            let pairRatio = length(target[targetRange]) / max(1, length(source[sourceRange]))
            guard pairRatio > ratio / 2.5, pairRatio < ratio * 2.5 else { return nil }
        }
        return zip(sourceParagraphs, targetParagraphs).map { ParagraphPair(source: $0, target: $1) }
    }

    /// The sentence ranges of each paragraph, in order.
    private static func ranges(_ sentences: [SentenceSegment]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for index in sentences.indices where index + 1 == sentences.count || sentences[index + 1].paragraph != sentences[index].paragraph {
            ranges.append(start..<index + 1)
            start = index + 1
        }
        return ranges
    }
}

/// The sentences of one paragraph of each document.
struct ParagraphPair: Equatable {
    var source: Range<Int>
    var target: Range<Int>
}
