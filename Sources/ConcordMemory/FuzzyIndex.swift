import ConcordModel

/// An exact fuzzy-match index over token sequences.
///
/// Retrieval is exact, not heuristic. For a minimum score s, a candidate of
/// length m can only reach s if its length is within the bound the score
/// formula allows and it shares at least ceil(L·s/100) tokens with the query
/// (L the longer length), so it must contain one of the query's rarest tokens
/// (prefix filter). Candidates come from those tokens' posting lists (kept
/// sorted by sequence length, so only the allowed lengths are read); more
/// lists are then counted while that is cheap, which bounds each candidate's
/// shared tokens from above. Candidates are verified with a bit-parallel edit
/// distance in order of that bound, and the search stops when the bound falls
/// below the best results found: the result equals scoring every sequence.
///
/// Sequences and postings are flat arrays (compressed sparse rows), so a
/// million sequences cost a few hundred megabytes. Not thread-safe (searches
/// reuse their scratch buffers).
final class FuzzyIndex {
    /// The keys of the tokens, by id.
    let vocabulary: TokenVocabulary
    /// What searches read: built from the sequences added, before the first search after
    /// additions, or mapped from an index file.
    var tables = FuzzyTables()
    // The sequences added, while the tables do not hold them yet (released once they do).
    var addedTokens: [Int32] = []
    var addedStarts: [Int] = [0]
    /// True when ``tables`` holds every sequence and every token of the vocabulary (and the
    /// arrays above are released). A new index has built nothing yet: its vocabulary may grow
    /// before any sequence is added (a store's tokens are numbered first).
    var tablesAreCurrent = false

    // Scratch buffers reused by every search.
    var hits: [UInt16] = []
    private var touched: [Int32] = []
    private var buckets: [[Int32]] = Array(repeating: [], count: 101)
    /// Bit-sliced counters of one search: plane p holds bit p of every sequence's count.
    private var planes: [UInt64] = []

    /// Postings verified directly before counting starts (tests set 0 to exercise the counting alone).
    var firstPhaseBudget = 512
    /// What a verification costs in postings counted, when choosing between verifying the rest
    /// of the prefix and counting (tests set 0 or a huge value to force either way).
    var verificationCost = 30

    init() {
        vocabulary = TokenVocabulary()
    }

    /// An index over tables and a vocabulary made elsewhere (read from an index file).
    init(vocabulary: TokenVocabulary, tables: FuzzyTables) {
        self.vocabulary = vocabulary
        self.tables = tables
        tablesAreCurrent = true
        hits = [UInt16](repeating: 0, count: tables.sequenceCount)
    }

    /// An index over the same sequences and vocabulary with scratch buffers of its own,
    /// for searching on another thread. The tables are shared, so nothing is copied;
    /// posting lists are built first.
    func copyForSearching() -> FuzzyIndex {
        buildPostings()
        let copy = FuzzyIndex(vocabulary: vocabulary, tables: tables)
        copy.firstPhaseBudget = firstPhaseBudget
        copy.verificationCost = verificationCost
        return copy
    }

    /// True when no search left a mark in the scratch counts.
    var scratchIsClear: Bool { hits.count == count && hits.allSatisfy { $0 == 0 } }

    /// Per frequent token, its bit sets by level (see ``FuzzyTables``).
    var bitsetOfToken: [Int32: [Int]] { tables.bitsetOfToken }

    /// The number of indexed sequences.
    var count: Int { tablesAreCurrent ? tables.sequenceCount : addedStarts.count - 1 }

    /// Adds a sequence of token keys; returns its number (0, 1, 2 …).
    @discardableResult
    func add(_ keys: [String]) -> Int {
        add(ids: keys.map(vocabulary.id(for:)))
    }

    /// Adds a sequence of ids of ``vocabulary``; returns its number.
    @discardableResult
    func add(ids: some Sequence<Int32>) -> Int {
        if tablesAreCurrent {
            // Adding after a search: the sequences come back out of the tables (tests do this).
            addedTokens = Array(tables.tokens)
            addedStarts = Array(tables.starts)
            tablesAreCurrent = false
        }
        addedTokens.append(contentsOf: ids)
        addedStarts.append(addedTokens.count)
        return count - 1
    }

    /// Room for this many more tokens and sequences (a store's index knows them before adding).
    func reserveCapacity(tokens: Int, sequences: Int) {
        addedTokens.reserveCapacity(addedTokens.count + tokens)
        addedStarts.reserveCapacity(addedStarts.count + sequences)
    }

    /// The length of sequence `number` (postings must be built).
    @inline(__always)
    func length(_ number: Int) -> Int { tables.length(number) }

    /// Ids for a query; tokens the index has never seen get negative ids no sequence has.
    func ids(for keys: [String]) -> [Int32] {
        var unknown: Int32 = -1
        var local: [String: Int32] = [:]
        return keys.map { key in
            if let id = vocabulary.existingID(for: key) { return id }
            if let id = local[key] { return id }
            local[key] = unknown
            unknown -= 1
            return local[key]!
        }
    }

    /// The fuzzy score of sequence `number` against a prepared query.
    func score(_ pattern: EditDistance.Pattern, _ number: Int) -> Int {
        let sequence = tables.sequence(number)
        return FuzzyScore.score(distance: EditDistance.distance(pattern, sequence), longer: max(pattern.count, sequence.count))
    }

    /// The sequences that can be among the best `limit` by `finalScore` (which may
    /// lower a fuzzy score, or raise only a fuzzy 100), with their fuzzy scores.
    /// Every sequence whose final score could reach the `limit`-th best is returned.
    func search(_ keys: [String], minimum: Int, limit: Int, finalScore: (Int, Int) -> Int) -> [(number: Int, fuzzy: Int)] {
        buildPostings()
        let query = ids(for: keys)
        let n = query.count
        let minimum = max(1, min(100, minimum))
        if n == 0 { return (0..<count).filter { self.length($0) == 0 }.map { ($0, 100) } }
        // Counts are 15-bit: a query of more tokens than that is scored against every sequence.
        if n >= Int(Self.verified) { return scoreEverySequence(query, minimum: minimum, finalScore: finalScore) }

        return withoutActuallyEscaping(finalScore) { finalScore in
            var search = FuzzySearch(index: self, tables: tables, query: query, minimum: minimum, limit: limit, finalScore: finalScore)
            // The scratch buffers move into the search and back: no exclusivity checks on class
            // properties in its loops, and no allocation per search.
            swap(&search.hits, &hits)
            swap(&search.planes, &planes)
            swap(&search.touched, &touched)
            swap(&search.buckets, &buckets)
            defer {
                search.clearHits()
                swap(&search.hits, &hits)
                swap(&search.planes, &planes)
                swap(&search.touched, &touched)
                swap(&search.buckets, &buckets)
            }
            return search.run()
        }
    }

    /// Scores every sequence whose length can reach `minimum` (the distance is at least the
    /// length difference): for queries too long for the search's 15-bit counts.
    private func scoreEverySequence(_ query: [Int32], minimum: Int, finalScore: (Int, Int) -> Int) -> [(number: Int, fuzzy: Int)] {
        let n = query.count
        let reachable = (0..<count).filter { number in
            let m = length(number)
            return abs(n - m) <= FuzzyScore.maximumDistance(longer: max(n, m), minimum: minimum)
        }
        guard !reachable.isEmpty else { return [] }
        let pattern = EditDistance.Pattern(query)
        return reachable.compactMap { number in
            let fuzzy = score(pattern, number)
            return fuzzy >= minimum && finalScore(number, fuzzy) >= minimum ? (number, fuzzy) : nil
        }
    }

    /// Marks a candidate already verified in ``hits``.
    static let verified: UInt16 = 1 << 15

    func postingCount(_ id: Int32) -> Int { tables.postingCount(id) }

    /// Candidate lengths and the fewest shared tokens for a score of `minimum`.
    struct Bounds {
        var minimum: Int
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
            self.minimum = minimum
            self.lowest = lowest
            self.highest = highest
            fewestShared = max(1, fewest)
        }
    }
}
