import ConcordFormats
import ConcordModel

/// `glossary lookup`: the concepts a term (in any inflection) belongs to.
public struct GlossaryLookupRequest: Codable, Sendable, Equatable {
    public var term: String
    public var glossaries: [InputLocation]
    /// The term's language; nil: every language of the glossaries.
    public var language: LanguageTag?

    public init(term: String, glossaries: [InputLocation], language: LanguageTag? = nil) {
        self.term = term
        self.glossaries = glossaries
        self.language = language
    }

    public func run() throws -> GlossaryLookupResult {
        let loaded = try TermLookup.glossaries(glossaries)
        let warnings = TermLookup.languageWarnings(loaded, inputs: glossaries, languages: language.map { [$0] } ?? [])
        let languages = language.map { [$0] }
            ?? loaded.flatMap(\.languages).reduce(into: [LanguageTag]()) { if !$0.contains($1) { $0.append($1) } }
        let found = try TermLookup.concepts(matching: term, in: loaded, languages: languages)
        return GlossaryLookupResult(found: found, report: GlossaryLookupReport(found), diagnostics: warnings)
    }
}

/// The concepts found (``report`` is the JSON), and glossaries without the language asked for.
public struct GlossaryLookupResult: Sendable {
    public var found: [FoundConcept]
    public var report: GlossaryLookupReport
    public var diagnostics: [Diagnostic]
}
