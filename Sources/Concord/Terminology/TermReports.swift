import ConcordModel
import ConcordTerminology

/// A term as JSON shows it: `{"language", "term", "status", "type"}` (type null when unknown).
public struct TermReport: Codable, Sendable, Equatable {
    public var language: String
    public var term: String
    public var status: TermStatus
    @NullWhenAbsent public var type: TermType?

    public init(_ term: Term) {
        language = term.language.canonical
        self.term = term.text
        status = term.status
        type = term.type
    }

}

/// One segment of `concord terms` with the terms found in it and their suggested translations.
public struct SegmentTermsReport: Codable, Sendable, Equatable {
    public var index: Int
    public var text: String
    public var hits: [Hit]

    /// A term found: where, which concept, which term, and its translations.
    public struct Hit: Codable, Sendable, Equatable {
        public var concept: String
        /// The text as it stands in the segment.
        public var text: String
        public var start: Int
        public var end: Int
        public var term: String
        public var status: TermStatus
        @NullWhenAbsent public var type: TermType?
        public var targets: [TermReport]
    }

    /// The reports for `segments`, with each hit's suggestions in `targetLanguages`.
    public static func reports(_ segments: [SegmentTerms], targetLanguages: [LanguageTag]) -> [SegmentTermsReport] {
        // A long document names the same concepts again and again: suggest once per concept and term type.
        var suggestions: [String: [TermReport]] = [:]
        return segments.map { segment in
            SegmentTermsReport(index: segment.index, text: segment.text, hits: segment.hits.map { hit in
                let key = hit.concept.id + "\u{1}" + (hit.term.type?.rawValue ?? "")
                let targets = suggestions[key] ?? targetLanguages.flatMap { hit.suggestions(in: $0) }.map(TermReport.init)
                suggestions[key] = targets
                return Hit(concept: hit.concept.id, text: hit.text, start: hit.range.lowerBound, end: hit.range.upperBound,
                           term: hit.term.text, status: hit.term.status, type: hit.term.type, targets: targets)
            })
        }
    }
}

/// What `glossary lookup` found: `{"concepts": [{"concept", "matched", "terms"}]}`.
public struct GlossaryLookupReport: Codable, Sendable, Equatable {
    public var concepts: [Found]

    public struct Found: Codable, Sendable, Equatable {
        public var concept: String
        /// The text that matched one of the concept's terms.
        public var matched: String
        public var terms: [TermReport]
    }

    public init(_ found: [FoundConcept]) {
        concepts = found.map { Found(concept: $0.concept.id, matched: $0.matched, terms: $0.concept.terms.map(TermReport.init)) }
    }
}

/// A concept found by `glossary lookup`, with the text that matched.
public struct FoundConcept: Sendable, Equatable {
    public var concept: Concept
    public var matched: String
}

/// What `glossary stats` counts: concepts, and per language terms by status and type.
public struct GlossaryStatistics: Codable, Sendable, Equatable {
    public var concepts: Int
    /// Per language: `terms`, and a count per status and per type.
    public var languages: [String: [String: Int]]

    public init(_ glossary: Glossary) {
        concepts = glossary.concepts.count
        var perLanguage: [String: [String: Int]] = [:]
        for term in glossary.concepts.flatMap(\.terms) {
            perLanguage[term.language.canonical, default: [:]]["terms", default: 0] += 1
            perLanguage[term.language.canonical, default: [:]][term.status.rawValue, default: 0] += 1
            if let type = term.type { perLanguage[term.language.canonical, default: [:]][type.rawValue, default: 0] += 1 }
        }
        languages = perLanguage
    }
}

/// What `glossary validate` found.
public struct GlossaryValidationReport: Codable, Sendable, Equatable {
    public var valid: Bool
    public var concepts: Int
    public var errors: Int
    public var warnings: Int
    public var diagnostics: [Diagnostic]

    public init(concepts: Int, diagnostics: [Diagnostic]) {
        self.concepts = concepts
        self.diagnostics = diagnostics
        errors = diagnostics.filter { $0.severity == .error }.count
        warnings = diagnostics.count - errors
        valid = errors == 0
    }
}
