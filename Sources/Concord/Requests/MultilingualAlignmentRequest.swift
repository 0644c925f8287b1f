import ConcordAlignment
import ConcordFormats
import ConcordModel

/// `concord align en.txt ru.txt zh.txt --from en --to ru,zh`: one document aligned with each of its
/// translations, pivoting on it, into units with every language (the SCO's and the UN's memories
/// are trilingual).
public struct MultilingualAlignmentRequest: Codable, Sendable, Equatable {
    /// A translation and its language.
    public struct Translation: Codable, Sendable, Equatable {
        public var input: InputLocation
        public var language: LanguageTag

        public init(input: InputLocation, language: LanguageTag) {
            self.input = input
            self.language = language
        }
    }

    public var pivot: InputLocation
    public var pivotLanguage: LanguageTag
    public var translations: [Translation]
    public var presegmented: Bool
    public var encoding: String?
    /// As in ``AlignmentRequest``: nil, the bundled SCO glossary; empty, none.
    public var glossaries: [InputLocation]?

    public init(pivot: InputLocation, pivotLanguage: LanguageTag, translations: [Translation], presegmented: Bool = false,
                encoding: String? = nil, glossaries: [InputLocation]? = nil) {
        self.pivot = pivot
        self.pivotLanguage = pivotLanguage
        self.translations = translations
        self.presegmented = presegmented
        self.encoding = encoding
        self.glossaries = glossaries
    }

    public func run() throws -> MultilingualAlignmentResult {
        MultilingualAlignmentResult(pivotLanguage: pivotLanguage, pairs: try translations.map { translation in
            MultilingualAlignmentResult.Pair(language: translation.language, alignment: try AlignmentRequest(
                source: pivot, target: translation.input, sourceLanguage: pivotLanguage, targetLanguage: translation.language,
                presegmented: presegmented, encoding: encoding, glossaries: glossaries).run())
        })
    }
}

/// The pivot document aligned with each translation.
public struct MultilingualAlignmentResult: Codable, Sendable, Equatable {
    public struct Pair: Codable, Sendable, Equatable {
        public var language: LanguageTag
        public var alignment: AlignmentResult
    }

    public var pivotLanguage: LanguageTag
    public var pairs: [Pair]

    /// One unit per group of pivot sentences that every alignment keeps together; a translation
    /// joins a unit only where all its beads in the group are confident and have both sides.
    /// Units with one language only are left out.
    public func units(minimumConfidence: Double, document: String? = nil) -> [TranslationUnit] {
        guard let first = pairs.first else { return [] }
        let pivotSentences = first.alignment.sourceSentences
        return PivotGroups.groups(count: pivotSentences.count, beadSets: pairs.map(\.alignment.beads)).compactMap { group in
            var variants = [Variant(language: pivotLanguage, segment: Segment(AlignmentResult.join(group.map { pivotSentences[$0] }, language: pivotLanguage)))]
            var confidence = 1.0
            for pair in pairs {
                let beads = pair.alignment.beads.filter { !$0.source.isEmpty && group.contains($0.source[0]) }
                guard !beads.isEmpty, beads.allSatisfy({ !$0.target.isEmpty && $0.confidence >= minimumConfidence }),
                      Set(beads.flatMap(\.source)) == Set(group) else { continue }
                let text = AlignmentResult.join(beads.flatMap(\.target).map { pair.alignment.targetSentences[$0] }, language: pair.language)
                confidence = min(confidence, beads.map(\.confidence).min() ?? 0)
                variants.append(Variant(language: pair.language, segment: Segment(text)))
            }
            return variants.count > 1
                ? TranslationUnit(sourceLanguage: pivotLanguage, info: DocumentDate.info(document), properties: AlignmentResult.properties(confidence: confidence, document: document),
                                  variants: variants)
                : nil
        }
    }
}

/// Groups of consecutive pivot sentences that no alignment splits: beads with several pivot
/// sentences join them.
enum PivotGroups {
    static func groups(count: Int, beadSets: [[Bead]]) -> [[Int]] {
        // For each pivot sentence, the last sentence its group reaches.
        var reach = Array(0..<count)
        for beads in beadSets {
            for bead in beads where bead.source.count > 1 {
                for index in bead.source { reach[index] = max(reach[index], bead.source.last!) }
            }
        }
        var groups: [[Int]] = []
        var start = 0
        while start < count {
            var end = reach[start]
            var index = start
            while index <= end { end = max(end, reach[index]); index += 1 }
            groups.append(Array(start...end))
            start = end + 1
        }
        return groups
    }
}
