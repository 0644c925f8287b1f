import ConcordModel

/// The concepts a recogniser was built from, shared by all its hits (so a hit
/// costs two integers, not a copy of its concept).
final class ConceptStore: @unchecked Sendable {
    var concepts: [Concept] = []
}

/// A glossary term found in text.
public struct TermHit: Sendable, Equatable {
    private let store: ConceptStore
    private let conceptIndex: Int32
    private let termIndex: Int32
    /// Unicode-scalar range in the text searched.
    public let range: Range<Int>
    /// The text as written there.
    public let text: String

    init(store: ConceptStore, conceptIndex: Int32, termIndex: Int32, range: Range<Int>, text: String) {
        self.store = store
        self.conceptIndex = conceptIndex
        self.termIndex = termIndex
        self.range = range
        self.text = text
    }

    /// The concept the term belongs to.
    public var concept: Concept { store.concepts[Int(conceptIndex)] }

    /// The glossary term that matched (its status says whether it is deprecated).
    public var term: Term { store.concepts[Int(conceptIndex)].terms[Int(termIndex)] }

    /// Terms to use in `language`, best first (recommended terms, same kind of form first;
    /// for a deprecated term, the preferred term first).
    public func suggestions(in language: LanguageTag) -> [Term] {
        let source = term
        return concept.suggestions(in: language, forSourceType: source.status.isRecommended ? source.type : nil)
    }

    public static func == (lhs: TermHit, rhs: TermHit) -> Bool {
        lhs.range == rhs.range && lhs.text == rhs.text && lhs.concept == rhs.concept && lhs.term == rhs.term
    }
}
