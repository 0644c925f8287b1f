import ConcordFormats

/// `glossary validate`: duplicate terms, terms in two concepts, concepts without a preferred term.
public struct GlossaryValidationRequest: Codable, Sendable, Equatable {
    public var glossary: InputLocation

    public init(glossary: InputLocation) {
        self.glossary = glossary
    }

    public func run() throws -> GlossaryValidationReport {
        let loaded = try TermLookup.glossaries([glossary])[0]
        return GlossaryValidationReport(concepts: loaded.concepts.count, diagnostics: try GlossaryValidation.validate(loaded, file: glossary.name))
    }
}
