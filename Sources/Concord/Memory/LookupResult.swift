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
    public var tuid: String?
    public var origin: String
    /// The token diff from the match source to the query: "=word", "-removed", "+inserted".
    public var diff: [String]
    public var substitutions: [Substitution]
    public var deductions: [String]
    /// Written as null when nothing was adapted.
    public var adaptedTarget: String?

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

    private enum CodingKeys: String, CodingKey {
        case score, source, target, tuid, origin, diff, substitutions, deductions, adaptedTarget
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(score, forKey: .score)
        try container.encode(source, forKey: .source)
        try container.encode(target, forKey: .target)
        try container.encode(tuid, forKey: .tuid)          // null, not absent: scripts test for it
        try container.encode(origin, forKey: .origin)
        try container.encode(diff, forKey: .diff)
        try container.encode(substitutions, forKey: .substitutions)
        try container.encode(deductions, forKey: .deductions)
        try container.encode(adaptedTarget, forKey: .adaptedTarget)
    }
}
