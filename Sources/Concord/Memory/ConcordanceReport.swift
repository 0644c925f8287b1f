import ConcordModel

/// What `tm concordance` found: `{"matches": [...]}`.
public struct ConcordanceReport: Codable, Sendable, Equatable {
    public var matches: [Occurrence]

    /// One unit with the phrase, where it is, and the unit's other languages.
    public struct Occurrence: Codable, Sendable, Equatable {
        /// Written as null when the unit has none.
        @NullWhenAbsent public var tuid: String?
        public var language: String
        public var text: String
        public var highlights: [Highlight]
        public var aligned: [AlignedText]
    }

    /// Unicode-scalar offsets into the text, end-exclusive.
    public struct Highlight: Codable, Sendable, Equatable {
        public var start: Int
        public var end: Int
    }

    /// The text of another language of the unit.
    public struct AlignedText: Codable, Sendable, Equatable {
        public var language: String
        public var text: String
    }

    public init(_ lines: [MemoryConcordance.Line]) {
        matches = lines.map { line in
            Occurrence(tuid: line.unit.tuid, language: line.found.language.canonical, text: line.found.segment.plainText,
                       highlights: line.ranges.map { Highlight(start: $0.lowerBound, end: $0.upperBound) },
                       aligned: line.others.map { AlignedText(language: $0.language.canonical, text: $0.segment.plainText) })
        }
    }
}
