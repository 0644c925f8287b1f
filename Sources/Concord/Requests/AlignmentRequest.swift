import Foundation
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
        let sources = try sentences(of: source, language: sourceLanguage)
        let targets = try sentences(of: target, language: targetLanguage)
        let (sourceTexts, targetTexts) = (sources.map(\.text), targets.map(\.text))
        // Across scripts (English–Russian, English–Chinese), a capitalised Latin word on both sides is a name.
        let crossScript = Script.dominant(in: sourceTexts.joined()) != Script.dominant(in: targetTexts.joined())
        let concepts = try conceptsNamed(in: sourceTexts, targetTexts)
        // Paragraphs that correspond guide the alignment: sentences are aligned within each pair,
        // while what the aligner learns from the pair (word translations, bead shapes) spans them all.
        let sections = ParagraphPairing.pairs(source: sources, target: targets)?.map { (source: $0.source, target: $0.target) }
        let beads = SentenceAligner().align(source: sourceTexts, target: targetTexts, capitalisedWords: crossScript,
                                            sourceConcepts: concepts.source, targetConcepts: concepts.target, sections: sections)
        // An empty side aligns to nothing: say so rather than leave a translator wondering.
        let empty = [(source, sourceTexts), (target, targetTexts)].filter { $0.1.isEmpty }.map { input, _ in
            Diagnostic(DiagnosticCatalog.documentEmpty, message: "is empty: it holds no text to align", file: input.name)
        }
        return AlignmentResult(sourceSentences: sourceTexts, targetSentences: targetTexts, beads: beads, diagnostics: empty)
    }

    /// A document's sentences with their paragraphs (one paragraph when presegmented: lines are sentences).
    private func sentences(of input: InputLocation, language: LanguageTag) throws -> [SentenceSegment] {
        if presegmented {
            return try TermLookup.segments(input, language: language, presegmented: true, encoding: encoding).map { text in
                SentenceSegment(text: text, paragraph: 0, start: 0, end: 0)
            }
        }
        let document = try DocumentSegmentation.readDocument(input, encoding: encoding)
        let segmenter = try Segmenter(ruleSet: DocumentSegmentation.defaultRules(), language: language)
        return try DocumentSegmentation.segment(document, with: segmenter)
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
    /// What is odd about the documents (one of them empty).
    public var diagnostics: [Diagnostic] = []

    /// The beads as translation units (both sides present, confidence at least `minimumConfidence`),
    /// sentences of one side joined with a space (none for Chinese and Japanese), each with
    /// `x-alignment-confidence` and, when given, `x-document` props.
    public func units(from: LanguageTag, to: LanguageTag, minimumConfidence: Double, document: String? = nil) -> [TranslationUnit] {
        beads.filter { !$0.source.isEmpty && !$0.target.isEmpty && $0.confidence >= minimumConfidence }.map { bead in
            TranslationUnit(info: DocumentDate.info(document), properties: Self.properties(confidence: bead.confidence, document: document), variants: [
                Variant(language: from, segment: Segment(Self.join(bead.source.map { sourceSentences[$0] }, language: from))),
                Variant(language: to, segment: Segment(Self.join(bead.target.map { targetSentences[$0] }, language: to))),
            ])
        }
    }

    /// The props an aligned unit carries: how sure the aligner was, and which document it came from.
    static func properties(confidence: Double, document: String?) -> [Property] {
        [Property(type: "x-alignment-confidence", value: String(format: "%.2f", confidence))]
            + (document.map { [Property(type: "x-document", value: ($0 as NSString).lastPathComponent)] } ?? [])
    }

    static func join(_ sentences: [String], language: LanguageTag) -> String {
        sentences.joined(separator: ["zh", "ja"].contains(language.language) ? "" : " ")
    }
}
