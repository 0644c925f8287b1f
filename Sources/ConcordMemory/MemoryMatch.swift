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
    /// Numbers and codes that differ, with the query's value to put into the target.
    public var substitutions: [(from: String, to: String)]
    /// The target with the query's placeables substituted (memoQ style), when there were any.
    public var adaptedTarget: String?
    /// The token diff from the match source to the query: "=word", "-removed", "+inserted".
    public var diff: [String]
}
