import ConcordModel

/// A glossary term found in text.
public struct TermHit: Sendable, Equatable {
    /// The concept the term belongs to.
    public let concept: Concept
    /// The glossary term that matched (its status says whether it is deprecated).
    public let term: Term
    /// Unicode-scalar range in the text searched.
    public let range: Range<Int>
    /// The text as written there.
    public let text: String

    /// Terms to use in `language`, best first (recommended terms, same kind of form first;
    /// for a deprecated term, the preferred term first).
    public func suggestions(in language: LanguageTag) -> [Term] {
        concept.suggestions(in: language, forSourceType: term.status.isRecommended ? term.type : nil)
    }
}
