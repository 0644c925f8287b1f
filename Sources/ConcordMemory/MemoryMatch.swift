import ConcordModel

/// A match for a query, with everything that explains its score.
public struct MemoryMatch: Sendable {
    public var entry: MemoryEntry
    /// 0–100 fuzzy and exact, 101 context, 102 double context; the penalty already subtracted.
    public var score: Int
    /// The token-level fuzzy score before deductions and penalties.
    public var fuzzy: Int
    /// Deductions from 100 when only placeables, case, spaces or punctuation differ.
    public var deductions: [String]
    /// Numbers of the match's source that the query changes, and whether each was put into the target.
    public var substitutions: [Substitution]
    /// The target with the query's placeables substituted (memoQ style), when there were any.
    public var adaptedTarget: String?
    /// The token diff from the match source to the query: "=word", "-removed", "+inserted".
    public var diff: [String]
}

/// A number of the match's source that the query changes.
public struct Substitution: Sendable, Equatable, Codable {
    /// The number in the match's source.
    public var from: String
    /// The query's number, put into the target in its place.
    public var to: String
    /// False when the target has no such number (written in words or otherwise): the adapted
    /// target lacks this change and a deduction says so.
    public var placed: Bool
    /// True when the match is fuzzy (the numbers were paired by their order).
    public var inFuzzyMatch: Bool
}
