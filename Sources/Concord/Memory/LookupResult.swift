import ConcordMemory
import ConcordModel

/// The answer to one `tm lookup` query: one JSON line.
public struct LookupResult: Codable, Sendable, Equatable {
    public var query: String
    /// Microseconds the lookup took.
    public var micros: Int
    public var matches: [MatchReport]

    public init(query: String, micros: Int, matches: [MatchReport]) {
        self.query = query
        self.micros = micros
        self.matches = matches
    }
}

/// One match, explained: score, the unit's texts, the diff, numbers put in and deductions.
public struct MatchReport: Codable, Sendable, Equatable {
    public var score: Int
    public var source: String
    public var target: String
    /// Written as null when the unit has none.
    @NullWhenAbsent public var tuid: String?
    public var origin: String
    /// The token diff from the match source to the query: "=word", "-removed", "+inserted".
    public var diff: [String]
    public var substitutions: [Substitution]
    public var deductions: [String]
    /// Written as null when nothing was adapted.
    @NullWhenAbsent public var adaptedTarget: String?

    public init(_ match: MemoryMatch) {
        score = match.score
        source = match.entry.source.segment.plainText
        target = match.entry.target.segment.plainText
        tuid = match.entry.unit.tuid
        origin = match.entry.origin
        diff = match.diff
        substitutions = match.substitutions
        deductions = match.deductions
        adaptedTarget = match.adaptedTarget
    }

}
