import ConcordFormats
import ConcordModel

/// `concord terms`: the glossary terms in each sentence of a document, with their translations.
public struct TermsRequest: Codable, Sendable, Equatable {
    public var input: InputLocation
    public var glossaries: [InputLocation]
    /// The document's language.
    public var language: LanguageTag
    /// Languages to suggest terms in; empty: every other language of the glossaries.
    public var targetLanguages: [LanguageTag]
    /// One segment per line instead of Concord's segmentation.
    public var presegmented: Bool
    /// The document's charset when it is neither Unicode nor declared.
    public var encoding: String?

    public init(input: InputLocation, glossaries: [InputLocation], language: LanguageTag, targetLanguages: [LanguageTag] = [],
                presegmented: Bool = false, encoding: String? = nil) {
        self.input = input
        self.glossaries = glossaries
        self.language = language
        self.targetLanguages = targetLanguages
        self.presegmented = presegmented
        self.encoding = encoding
    }

    public func run() throws -> TermsResult {
        let loaded = try TermLookup.glossaries(glossaries)
        var warnings = TermLookup.languageWarnings(loaded, inputs: glossaries, languages: [language] + targetLanguages)
        let texts = try TermLookup.segments(input, language: language, presegmented: presegmented, encoding: encoding)
        if texts.allSatisfy({ $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) }) {
            warnings.append(Diagnostic(DiagnosticCatalog.documentEmpty, message: "is empty: it holds no text to look terms up in", file: input.name))
        }
        let segments = try TermLookup.recognize(texts, glossaries: loaded, language: language)
        let targets = targetLanguages.isEmpty
            ? Array(Set(loaded.flatMap(\.languages)).filter { !language.matches($0) }).sorted()
            : targetLanguages
        return TermsResult(segments: segments, targetLanguages: targets, diagnostics: warnings)
    }
}

/// The terms found, as values (`segments`) and as the JSON reports (`reports`).
public struct TermsResult: Sendable {
    public var segments: [SegmentTerms]
    /// The languages suggestions were made in.
    public var targetLanguages: [LanguageTag]
    /// Glossaries without a term in a language asked for.
    public var diagnostics: [Diagnostic]

    /// Each segment with its hits and their suggestions, as the JSON shows them.
    public var reports: [SegmentTermsReport] {
        SegmentTermsReport.reports(segments, targetLanguages: targetLanguages)
    }
}
