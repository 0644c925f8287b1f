import ConcordFormats
import ConcordModel

/// `glossary stats`: concepts, and terms per language, status and type.
public struct GlossaryStatisticsRequest: Codable, Sendable, Equatable {
    public var glossary: InputLocation

    public init(glossary: InputLocation) {
        self.glossary = glossary
    }

    public func run() throws -> GlossaryStatisticsResult {
        let loaded = try TermLookup.glossaries([glossary])[0]
        let warnings = loaded.concepts.isEmpty
            ? [Diagnostic(DiagnosticCatalog.glossaryNoConcepts, message: "the glossary has no concepts", file: glossary.name)] : []
        return GlossaryStatisticsResult(statistics: GlossaryStatistics(loaded), languages: loaded.languages, diagnostics: warnings)
    }
}

/// The counts of a glossary (``statistics`` is the JSON), its languages in order, and what is odd about it.
public struct GlossaryStatisticsResult: Sendable {
    public var statistics: GlossaryStatistics
    public var languages: [LanguageTag]
    public var diagnostics: [Diagnostic]
}
