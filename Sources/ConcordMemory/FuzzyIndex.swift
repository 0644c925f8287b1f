import ConcordModel

/// An exact fuzzy-match index over token sequences.
///
/// Retrieval is exact, not heuristic: for a minimum score s, a candidate of
/// length m can only reach s if its length is within the bound the score
/// formula allows and it shares at least ceil(L·s/100) tokens with the query
/// (L the longer length). So it must contain one of the query's rarest tokens
/// (prefix filter: enough of them to leave fewer shared tokens than needed
/// otherwise). Only candidates found through those tokens' posting lists, and
/// of an allowed length, are verified with a bit-parallel edit distance; the
/// result equals scoring every entry.
public final class FuzzyIndex {
    private var vocabulary: [String: Int32] = [:]
    private var postings: [[Int32]] = []
    private(set) var sequences: [[Int32]] = []

    public init() {}

    /// The number of indexed sequences.
    public var count: Int { sequences.count }

    /// Adds a sequence; returns its number (0, 1, 2 …).
    @discardableResult
    public func add(_ keys: [String]) -> Int {
        let number = sequences.count
        var ids: [Int32] = []
        ids.reserveCapacity(keys.count)
        var seen: Set<Int32> = []
        for key in keys {
            let id: Int32
            if let existing = vocabulary[key] {
                id = existing
            } else {
                id = Int32(postings.count)
                vocabulary[key] = id
                postings.append([])
            }
            ids.append(id)
            if seen.insert(id).inserted { postings[Int(id)].append(Int32(number)) }
        }
        sequences.append(ids)
        return number
    }

    /// Ids for a query; tokens the index has never seen get ids no sequence has.
    func ids(for keys: [String]) -> [Int32] {
        var unknown: Int32 = -1
        var local: [String: Int32] = [:]
        return keys.map { key in
            if let id = vocabulary[key] { return id }
            if let id = local[key] { return id }
            local[key] = unknown
            unknown -= 1
            return local[key]!
        }
    }

    /// Every sequence whose fuzzy score against `keys` is at least `minimum`, with that score.
    public func search(_ keys: [String], minimum: Int) -> [(number: Int, fuzzy: Int)] {
        search(keys, minimum: minimum, limit: Int.max) { _, fuzzy in fuzzy }
    }

    /// The sequences that can be among the best `limit` by `finalScore` (which may
    /// lower a fuzzy score, or raise only a fuzzy 100), with their fuzzy scores.
    ///
    /// Rarest tokens first: once `limit` results are in, the threshold rises to the
    /// worst of them, the prefix that must be read shrinks, and frequent tokens'
    /// long posting lists are often never read. Anything not read shares too few
    /// tokens with the query to reach the threshold, so the best `limit` are exact.
    public func search(_ keys: [String], minimum: Int, limit: Int, finalScore: (Int, Int) -> Int) -> [(number: Int, fuzzy: Int)] {
        let query = ids(for: keys)
        let n = query.count
        let minimum = max(1, min(100, minimum))
        if n == 0 { return sequences.indices.filter { sequences[$0].isEmpty }.map { ($0, 100) } }

        // Occurrences per distinct token, rarest first (unknown tokens are rarest of all).
        var occurrences: [Int32: Int] = [:]
        for id in query { occurrences[id, default: 0] += 1 }
        let byRarity = occurrences.keys.sorted { lhs, rhs in
            let left = lhs < 0 ? 0 : postings[Int(lhs)].count, right = rhs < 0 ? 0 : postings[Int(rhs)].count
            return left != right ? left < right : lhs < rhs
        }

        var threshold = minimum
        var bounds = Bounds(n: n, minimum: threshold)
        var best: [Int] = []               // final scores of the best so far, ascending, at most `limit`
        let pattern = EditDistance.Pattern(query)
        var visited = Set<Int32>()
        var results: [(number: Int, fuzzy: Int)] = []
        var covered = 0
        for id in byRarity {
            if covered >= n - bounds.fewestShared + 1 { break }
            covered += occurrences[id]!
            guard id >= 0 else { continue }
            for number in postings[Int(id)] where visited.insert(number).inserted {
                let candidate = sequences[Int(number)]
                let m = candidate.count
                guard m >= bounds.lowest, m <= bounds.highest else { continue }
                let fuzzy = FuzzyScore.score(distance: EditDistance.distance(pattern, candidate), longer: max(n, m))
                guard fuzzy >= threshold else { continue }
                let final = finalScore(Int(number), fuzzy)
                guard final >= minimum else { continue }
                results.append((Int(number), fuzzy))
                // Keep the `limit` best final scores; the threshold is the worst of them (at most 100).
                if limit != Int.max {
                    let position = best.firstIndex { $0 > final } ?? best.count
                    best.insert(final, at: position)
                    if best.count > limit { best.removeFirst() }
                    if best.count == limit {
                        let raised = max(minimum, min(100, best[0]))
                        if raised > threshold {
                            threshold = raised
                            bounds = Bounds(n: n, minimum: threshold)
                        }
                    }
                }
            }
        }
        return results
    }

    /// Candidate lengths and the fewest shared tokens for a score of `minimum`.
    private struct Bounds {
        var lowest: Int
        var highest: Int
        var fewestShared: Int

        init(n: Int, minimum: Int) {
            func required(_ longer: Int) -> Int { longer - FuzzyScore.maximumDistance(longer: longer, minimum: minimum) }
            func allows(_ m: Int) -> Bool { abs(n - m) <= FuzzyScore.maximumDistance(longer: max(n, m), minimum: minimum) }
            var lowest = n, highest = n
            while lowest > 0, allows(lowest - 1) { lowest -= 1 }
            while allows(highest + 1) { highest += 1 }
            var fewest = Int.max
            for m in lowest...highest { fewest = min(fewest, required(max(n, m))) }
            self.lowest = lowest
            self.highest = highest
            fewestShared = max(1, fewest)
        }
    }

}

/// The fuzzy formula: floor(100 × (L − d) / L).
public enum FuzzyScore {
    public static func score(distance: Int, longer: Int) -> Int {
        longer == 0 ? 100 : (100 * (longer - distance)) / longer
    }

    /// The most edits a segment pair whose longer side has `longer` tokens can take and still score `minimum`.
    public static func maximumDistance(longer: Int, minimum: Int) -> Int {
        (longer * (100 - minimum)) / 100
    }
}
