/// A term's administrative status (TBX-Basic's values).
public enum TermStatus: String, Hashable, Sendable, CaseIterable, Codable {
    case preferred, admitted, deprecated, superseded

    /// Reads TBX values (`preferredTerm-admn-sts`) and plain words (`preferred`, `forbidden`).
    public init?(tbx value: String) {
        let lower = value.lowercased().trimmingWhitespace()
        switch lower {
        case "preferredterm-admn-sts", "preferred", "preferredterm", "pref": self = .preferred
        case "admittedterm-admn-sts", "admitted", "admittedterm", "accepted", "allowed": self = .admitted
        case "deprecatedterm-admn-sts", "deprecated", "deprecatedterm", "forbidden", "notrecommended": self = .deprecated
        case "supersededterm-admn-sts", "superseded", "supersededterm", "obsolete": self = .superseded
        default: return nil
        }
    }

    /// The TBX picklist value.
    public var tbxValue: String { "\(rawValue)Term-admn-sts" }

    /// True for terms a translator should use.
    public var isRecommended: Bool { self == .preferred || self == .admitted }
}

/// A term's type (TBX `termType`).
public enum TermType: String, Hashable, Sendable, CaseIterable, Codable {
    case fullForm, acronym, abbreviation, shortForm, variant, phrase, initialism

    /// Reads TBX values and common spellings (`full form`, `Acronym`).
    public init?(tbx value: String) {
        let key = value.lowercased().filter { $0.isLetter }
        switch key {
        case "fullform", "full", "entryterm", "mainentryterm": self = .fullForm
        case "acronym": self = .acronym
        case "abbreviation", "abbreviatedform", "abbrev": self = .abbreviation
        case "shortform", "short": self = .shortForm
        case "variant", "synonym", "spellingvariant": self = .variant
        case "phrase", "standardtext", "setphrase": self = .phrase
        case "initialism": self = .initialism
        default: return nil
        }
    }

    /// Acronyms, initialisms, abbreviations and short forms are "short" forms; a
    /// source term of one of these kinds prefers a target term of the same group.
    public var isShort: Bool { self != .fullForm && self != .variant && self != .phrase }
}

/// One term of a concept in one language.
public struct Term: Hashable, Sendable {
    public var text: String
    public var language: LanguageTag
    public var status: TermStatus
    public var type: TermType?
    public var partOfSpeech: String?
    public var note: String?

    public init(text: String, language: LanguageTag, status: TermStatus = .preferred, type: TermType? = nil,
                partOfSpeech: String? = nil, note: String? = nil) {
        self.text = text
        self.language = language
        self.status = status
        self.type = type
        self.partOfSpeech = partOfSpeech
        self.note = note
    }
}

/// A concept: one meaning with its terms in several languages.
public struct Concept: Hashable, Sendable {
    public var id: String
    public var subjectField: String?
    public var definition: String?
    public var note: String?
    public var terms: [Term]

    public init(id: String, subjectField: String? = nil, definition: String? = nil, note: String? = nil, terms: [Term] = []) {
        self.id = id
        self.subjectField = subjectField
        self.definition = definition
        self.note = note
        self.terms = terms
    }

    /// The terms in a language (a bare tag covers its variants), in file order.
    public func terms(in language: LanguageTag) -> [Term] {
        terms.filter { language.matches($0.language) }
    }

    /// The languages present, in order of first appearance.
    public var languages: [LanguageTag] {
        var seen: Set<LanguageTag> = []
        return terms.compactMap { seen.insert($0.language).inserted ? $0.language : nil }
    }

    /// Terms to suggest in `language` for a source term of type `sourceType`:
    /// recommended terms only, the same kind of form first (`SCO` → `ШОС`),
    /// preferred before admitted, then file order.
    public func suggestions(in language: LanguageTag, forSourceType sourceType: TermType?) -> [Term] {
        let candidates = terms(in: language).enumerated().filter { $0.element.status.isRecommended }
        return candidates.sorted { lhs, rhs in
            // Same type first, then the same kind of form (short or full), then the rest.
            func rank(_ term: Term) -> Int {
                guard let sourceType else { return 0 }
                if term.type == sourceType { return 0 }
                if sourceType.isShort == (term.type?.isShort ?? false) { return 1 }
                return 2
            }
            let (left, right) = (lhs.element, rhs.element)
            if rank(left) != rank(right) { return rank(left) < rank(right) }
            if left.status != right.status { return left.status == .preferred }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}

/// A glossary: concepts in file order.
public struct Glossary: Hashable, Sendable {
    public var concepts: [Concept]
    /// Free text about the glossary (TBX `sourceDesc`), kept for the round trip.
    public var description: String?

    public init(concepts: [Concept] = [], description: String? = nil) {
        self.concepts = concepts
        self.description = description
    }

    /// Every language in the glossary, in order of first appearance.
    public var languages: [LanguageTag] {
        var seen: Set<LanguageTag> = []
        return concepts.flatMap(\.terms).compactMap { seen.insert($0.language).inserted ? $0.language : nil }
    }
}
