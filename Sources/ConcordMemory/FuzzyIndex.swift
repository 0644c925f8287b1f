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
        let query = ids(for: keys)
        let n = query.count
        let minimum = max(1, min(100, minimum))
        if n == 0 { return sequences.indices.filter { sequences[$0].isEmpty }.map { ($0, 100) } }
        // Allowed candidate lengths: |n - m| ≤ L - ceil(L·s/100).
        func allows(_ m: Int) -> Bool {
            let longer = max(n, m)
            return abs(n - m) <= longer - requiredOverlap(longer, minimum)
        }
        var lowest = n, highest = n
        while lowest > 0, allows(lowest - 1) { lowest -= 1 }
        while allows(highest + 1) { highest += 1 }
        var fewestShared = Int.max
        for m in lowest...highest { fewestShared = min(fewestShared, requiredOverlap(max(n, m), minimum)) }
        fewestShared = max(1, fewestShared)

        // Prefix: rarest distinct tokens until they cover n - fewestShared + 1 occurrences.
        var occurrences: [Int32: Int] = [:]
        for id in query { occurrences[id, default: 0] += 1 }
        let byRarity = occurrences.keys.sorted { lhs, rhs in
            let left = lhs < 0 ? 0 : postings[Int(lhs)].count, right = rhs < 0 ? 0 : postings[Int(rhs)].count
            return left != right ? left < right : lhs < rhs
        }
        var covered = 0
        var prefix: [Int32] = []
        for id in byRarity where covered < n - fewestShared + 1 {
            prefix.append(id)
            covered += occurrences[id]!
        }

        let pattern = EditDistance.Pattern(query)
        var visited = Set<Int32>()
        var results: [(number: Int, fuzzy: Int)] = []
        for id in prefix where id >= 0 {
            for number in postings[Int(id)] where visited.insert(number).inserted {
                let candidate = sequences[Int(number)]
                let m = candidate.count
                guard m >= lowest, m <= highest else { continue }
                let longer = max(n, m)
                let distance = EditDistance.distance(pattern, candidate)
                let fuzzy = FuzzyScore.score(distance: distance, longer: longer)
                if fuzzy >= minimum { results.append((Int(number), fuzzy)) }
            }
        }
        return results
    }

    /// Shared tokens needed for a score of `minimum` at longer length L: L − floor(L·(100−s)/100).
    private func requiredOverlap(_ longer: Int, _ minimum: Int) -> Int {
        longer - (longer * (100 - minimum)) / 100
    }
}

/// The fuzzy formula: floor(100 × (L − d) / L).
public enum FuzzyScore {
    public static func score(distance: Int, longer: Int) -> Int {
        longer == 0 ? 100 : (100 * (longer - distance)) / longer
    }
}
