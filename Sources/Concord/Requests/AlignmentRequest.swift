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

    public init(source: InputLocation, target: InputLocation, sourceLanguage: LanguageTag, targetLanguage: LanguageTag,
                presegmented: Bool = false, encoding: String? = nil) {
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
        let beads = SentenceAligner().align(source: sources, target: targets, capitalisedWords: crossScript)
        return AlignmentResult(sourceSentences: sources, targetSentences: targets, beads: beads)
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
