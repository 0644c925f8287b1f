import ConcordAlignment
import ConcordFormats
import ConcordModel
import ConcordSegmentation
import ConcordText

/// `concord align`: a document and its translation, sentence by sentence.
public struct AlignmentRequest: Codable, Sendable, Equatable {
    public var source: InputLocation
    public var target: InputLocation
    public var sourceLanguage: LanguageTag
    public var targetLanguage: LanguageTag
    /// One sentence per line on both sides instead of Concord's segmentation.
    public var presegmented: Bool
    /// The documents' charset when it is neither Unicode nor declared.
    public var encoding: String?
    /// Glossaries whose terms anchor the alignment; nil: the bundled SCO glossary when it has
    /// both languages; empty: none.
    public var glossaries: [InputLocation]?

    public init(source: InputLocation, target: InputLocation, sourceLanguage: LanguageTag, targetLanguage: LanguageTag,
                presegmented: Bool = false, encoding: String? = nil, glossaries: [InputLocation]? = nil) {
        self.glossaries = glossaries
        self.source = source
        self.target = target
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.presegmented = presegmented
        self.encoding = encoding
    }

    public func run() throws -> AlignmentResult {
        let sources = try TermLookup.segments(source, language: sourceLanguage, presegmented: presegmented, encoding: encoding)
        let targets = try TermLookup.segments(target, language: targetLanguage, presegmented: presegmented, encoding: encoding)
        // Across scripts (English–Russian, English–Chinese), a capitalised Latin word on both sides is a name.
        let crossScript = Script.dominant(in: sources.joined()) != Script.dominant(in: targets.joined())
        let concepts = try conceptsNamed(in: sources, targets)
        let beads = SentenceAligner().align(source: sources, target: targets, capitalisedWords: crossScript,
                                            sourceConcepts: concepts.source, targetConcepts: concepts.target)
        return AlignmentResult(sourceSentences: sources, targetSentences: targets, beads: beads)
    }

    /// The glossary concepts each sentence of either side names (none without a glossary for both languages).
    private func conceptsNamed(in sources: [String], _ targets: [String]) throws -> (source: [[String]], target: [[String]]) {
        let loaded: [Glossary]
        if let glossaries {
            loaded = try TermLookup.glossaries(glossaries)
        } else {
            loaded = [try DocumentSegmentation.bundledGlossary()]
        }
        let languages = loaded.flatMap(\.languages)
        guard languages.contains(where: sourceLanguage.matches), languages.contains(where: targetLanguage.matches) else { return ([], []) }
        let sourceTerms = try TermRecognizer(glossaries: loaded, language: sourceLanguage)
        let targetTerms = try TermRecognizer(glossaries: loaded, language: targetLanguage)
        return (try sources.map { try sourceTerms.hits(in: $0).map(\.concept.id) },
                try targets.map { try targetTerms.hits(in: $0).map(\.concept.id) })
    }
}

/// The two documents' sentences and the beads that pair them.
public struct AlignmentResult: Codable, Sendable, Equatable {
    public var sourceSentences: [String]
    public var targetSentences: [String]
    public var beads: [Bead]

    /// The beads as translation units (both sides present, confidence at least `minimumConfidence`),
    /// sentences of one side joined with a space (none for Chinese and Japanese).
    public func units(from: LanguageTag, to: LanguageTag, minimumConfidence: Double) -> [TranslationUnit] {
        beads.filter { !$0.source.isEmpty && !$0.target.isEmpty && $0.confidence >= minimumConfidence }.map { bead in
            TranslationUnit(variants: [
                Variant(language: from, segment: Segment(Self.join(bead.source.map { sourceSentences[$0] }, language: from))),
                Variant(language: to, segment: Segment(Self.join(bead.target.map { targetSentences[$0] }, language: to))),
            ])
        }
    }

    private static func join(_ sentences: [String], language: LanguageTag) -> String {
        sentences.joined(separator: ["zh", "ja"].contains(language.language) ? "" : " ")
    }
}
