import ConcordModel
import ConcordTerminology

/// A glossary term found in a segment, with the concept's terms in the target language:
/// the ones to use first, the deprecated ones (to avoid) after.
public struct PreparedTerm: Codable, Sendable, Equatable {
    public var concept: String
    /// The text as it stands in the segment, and where (scalar offsets).
    public var text: String
    public var start: Int
    public var end: Int
    /// The glossary term that matched, and its status (a deprecated source term is worth a note too).
    public var term: String
    public var status: TermStatus
    public var translations: [TermReport]
    /// The glossary it comes from (its file name).
    public var origin: String

    init(_ hit: TermHit, in language: LanguageTag, origin: String) {
        concept = hit.concept.id
        text = hit.text
        start = hit.range.lowerBound
        end = hit.range.upperBound
        term = hit.term.text
        status = hit.term.status
        let suggested = hit.suggestions(in: language)
        let avoided = hit.concept.terms.filter { language.matches($0.language) && !$0.status.isRecommended }
        translations = (suggested + avoided).map(TermReport.init)
        self.origin = origin
    }
}
