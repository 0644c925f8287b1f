import ConcordModel

/// One segment of a release made ready for translation into one language.
public struct PreparedSegment: Codable, Sendable, Equatable {
    public var id: String
    /// The paragraph (or heading) it belongs to, counted from 0.
    public var paragraph: Int
    /// The text a translator reads (without inline markup).
    public var text: String
    /// The text with its inline codes (HTML markup, Markdown emphasis and links), nil when it has none.
    public var codes: TaggedText?
    public var words: Int
    /// The best memory matches, best first.
    public var matches: [MatchReport]
    public var band: AnalysisBand
    /// The glossary's terms in the segment, with their translations.
    public var terms: [PreparedTerm]
    /// Locked (`--lock`): a CAT tool should leave it as pre-filled.
    public var locked: Bool

    /// The best match's score, nil without one.
    public var bestScore: Int? { matches.first?.score }

    /// The translation filled in from the memory: the best match when it is a context or 100 % match.
    public var prefilled: String? {
        guard let best = matches.first, best.score >= 100 else { return nil }
        return best.adaptedTarget ?? best.target
    }
}

/// A release segmented, looked up and annotated for one target language.
public struct PreparedRelease: Codable, Sendable, Equatable {
    /// The release's file name.
    public var name: String
    /// txt, md or html.
    public var format: String
    public var sourceLanguage: LanguageTag
    public var targetLanguage: LanguageTag
    public var segments: [PreparedSegment]
    /// The original with a marker per segment (see ``ReleaseSkeleton``).
    public var skeleton: String
    /// Segments the skeleton could not place.
    public var unplaced: [String]
}
