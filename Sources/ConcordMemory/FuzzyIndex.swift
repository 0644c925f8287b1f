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
public final class FuzzyIndex {
    /// The keys of the tokens, by id.
    public let vocabulary: TokenVocabulary
    var tokens: [Int32] = []
    var starts: [Int] = [0]

    // Built before the first search after additions. Inside them sequences are numbered by
    // length (`byLengthOrder[i]` is the sequence at position i,
    // `firstOfLength[l]` the first position of length l or more). For token id t, its positions
    // are postingItems[postingStarts[t]..<postingStarts[t + 1]], ascending.
    var byLengthOrder: [Int32] = []
    var firstOfLength: [Int] = [0]
    var postingStarts: [Int] = [0]
    var postingItems: [Int32] = []
    var postingsCover = 0

    // Scratch buffers reused by every search.
    var hits: [UInt16] = []
    private var touched: [Int32] = []
    private var buckets: [[Int32]] = Array(repeating: [], count: 101)
    // Bit sets of the sequences holding each frequent token (one in 128 sequences or more):
    // testing a candidate's bit is cheaper than reading a long posting list.
    var bitsets: [UInt64] = []
    /// Per frequent token, its bit sets by level: sequences holding it at least once, twice …
    var bitsetOfToken: [Int32: [Int]] = [:]
    var bitsetWords = 0
    /// Bit-sliced counters of one search: plane p holds bit p of every sequence's count.
    private var planes: [UInt64] = []

    /// Postings verified directly before counting starts (tests set 0 to exercise the counting alone).
    var firstPhaseBudget = 512
    /// What a verification costs in postings counted, when choosing between verifying the rest
    /// of the prefix and counting (tests set 0 or a huge value to force either way).
    var verificationCost = 30

    public init() {
        vocabulary = TokenVocabulary()
    }

    private init(sharing vocabulary: TokenVocabulary) {
        self.vocabulary = vocabulary
    }

    /// An index over the same sequences and vocabulary with scratch buffers of its own,
    /// for searching on another thread. The arrays are shared copy-on-write, so nothing is
    /// copied as long as neither index changes; posting lists are built first.
    func copyForSearching() -> FuzzyIndex {
        buildPostings()
        let copy = FuzzyIndex(sharing: vocabulary)
        copy.tokens = tokens
        copy.starts = starts
        copy.byLengthOrder = byLengthOrder
        copy.firstOfLength = firstOfLength
        copy.postingStarts = postingStarts
        copy.postingItems = postingItems
        copy.postingsCover = postingsCover
        copy.bitsets = bitsets
        copy.bitsetOfToken = bitsetOfToken
        copy.bitsetWords = bitsetWords
        copy.firstPhaseBudget = firstPhaseBudget
        copy.verificationCost = verificationCost
        copy.hits = [UInt16](repeating: 0, count: hits.count)
        return copy
    }

    /// The number of indexed sequences.
    public var count: Int { starts.count - 1 }

    /// Adds a sequence of token keys; returns its number (0, 1, 2 …).
    @discardableResult
    public func add(_ keys: [String]) -> Int {
        add(ids: keys.map(vocabulary.id(for:)))
    }

    /// Adds a sequence of ids of ``vocabulary``; returns its number.
    @discardableResult
    public func add(ids: some Sequence<Int32>) -> Int {
        tokens.append(contentsOf: ids)
        starts.append(tokens.count)
        return count - 1
    }

    /// The length of sequence `number`.
    @inline(__always)
    func length(_ number: Int) -> Int { starts[number + 1] - starts[number] }

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
        let m = length(number)
        let distance = tokens.withUnsafeBufferPointer { all in
            EditDistance.distance(pattern, UnsafeBufferPointer(rebasing: all[starts[number]..<starts[number] + m]))
        }
        return FuzzyScore.score(distance: distance, longer: max(pattern.count, m))
    }

    /// The sequences that can be among the best `limit` by `finalScore` (which may
    /// lower a fuzzy score, or raise only a fuzzy 100), with their fuzzy scores.
    /// Every sequence whose final score could reach the `limit`-th best is returned.
    public func search(_ keys: [String], minimum: Int, limit: Int, finalScore: (Int, Int) -> Int) -> [(number: Int, fuzzy: Int)] {
        buildPostings()
        let query = ids(for: keys)
        let n = query.count
        let minimum = max(1, min(100, minimum))
        if n == 0 { return (0..<count).filter { self.length($0) == 0 }.map { ($0, 100) } }
        // Counts are 15-bit: a query of more tokens than that is scored against every sequence.
        if n >= Int(Self.verified) {
            // Only sequences whose length can reach the minimum are scored (the distance is at least the length difference).
            let reachable = (0..<count).filter { number in
                let m = self.length(number)
                return abs(n - m) <= FuzzyScore.maximumDistance(longer: max(n, m), minimum: minimum)
            }
            guard !reachable.isEmpty else { return [] }
            let pattern = EditDistance.Pattern(query)
            return reachable.compactMap { number in
                let fuzzy = score(pattern, number)
                return fuzzy >= minimum && finalScore(number, fuzzy) >= minimum ? (number, fuzzy) : nil
            }
        }

        // Occurrences per distinct token, rarest first (unknown tokens are rarest of all).
        var occurrences: [Int32: Int] = [:]
        for id in query { occurrences[id, default: 0] += 1 }
        let byRarity = occurrences.keys.sorted { lhs, rhs in
            let left = postingCount(lhs), right = postingCount(rhs)
            return left != right ? left < right : lhs < rhs
        }

        // The index's arrays as locals and the scratch buffers moved out for the search:
        // no exclusivity checks on class properties in the loops below.
        let tokens = self.tokens, starts = self.starts, postingStarts = self.postingStarts, postingItems = self.postingItems
        let order = byLengthOrder, firstOfLength = self.firstOfLength
        var hits: [UInt16] = [], touched: [Int32] = [], buckets: [[Int32]] = [], planes: [UInt64] = []
        let sequenceCount = starts.count - 1
        swap(&hits, &self.hits)
        swap(&planes, &self.planes)
        swap(&touched, &self.touched)
        swap(&buckets, &self.buckets)
        touched.removeAll(keepingCapacity: true)
        defer {
            for number in touched { hits[Int(number)] = 0 }
            swap(&hits, &self.hits)
            swap(&planes, &self.planes)
            swap(&touched, &self.touched)
            swap(&buckets, &self.buckets)
        }
        // Numbers below are positions in length order; `order` maps them back.
        // A position's length from the (small, cached) table of where each length starts:
        // cheaper than a lookup at a random place in a per-sequence array.
        func length(_ position: Int32) -> Int {
            var low = 0, high = firstOfLength.count
            while low < high {
                let middle = (low + high) / 2
                if firstOfLength[middle] <= Int(position) { low = middle + 1 } else { high = middle }
            }
            return low - 1
        }
        func positions(_ window: ClosedRange<Int>) -> Range<Int> {
            func first(_ length: Int) -> Int { length < firstOfLength.count ? firstOfLength[length] : sequenceCount }
            return first(window.lowerBound)..<first(window.upperBound + 1)
        }
        /// The postings of `id` whose sequence length is in `window`.
        func postings(_ id: Int32, _ window: ClosedRange<Int>) -> ArraySlice<Int32> {
            guard id >= 0 else { return [] }
            let range = positions(window)
            let start = postingStarts[Int(id)], end = postingStarts[Int(id) + 1]
            func firstIndex(atLeast wanted: Int) -> Int {
                var low = start, high = end
                while low < high {
                    let middle = (low + high) / 2
                    if Int(postingItems[middle]) < wanted { low = middle + 1 } else { high = middle }
                }
                return low
            }
            return postingItems[firstIndex(atLeast: range.lowerBound)..<firstIndex(atLeast: range.upperBound)]
        }

        let bitsets = self.bitsets, bitsetOfToken = self.bitsetOfToken, words = self.bitsetWords
        let pattern = EditDistance.Pattern(query)
        var threshold = minimum
        var best: [Int] = []               // final scores of the best so far, ascending, at most `limit`
        var results: [(number: Int, fuzzy: Int)] = []

        /// Verifies one candidate; once `limit` results are in, the threshold rises to the worst of them.
        func verify(_ position: Int32) {
            let m = length(position), number = Int(order[Int(position)])
            let distance = tokens.withUnsafeBufferPointer { all in
                EditDistance.distance(pattern, UnsafeBufferPointer(rebasing: all[starts[number]..<starts[number] + m]))
            }
            let fuzzy = FuzzyScore.score(distance: distance, longer: max(n, m))
            guard fuzzy >= threshold else { return }
            let final = finalScore(number, fuzzy)
            guard final >= minimum else { return }
            results.append((number, fuzzy))
            guard limit != Int.max else { return }
            let position = best.firstIndex { $0 > final } ?? best.count
            best.insert(final, at: position)
            if best.count > limit { best.removeFirst() }
            if best.count == limit { threshold = max(threshold, min(100, best[0])) }
        }

        // 1. The rarest lists, verified at once: near-copies share rare tokens, so the
        // threshold usually rises here and the prefix still to read shrinks. Once the
        // budget is spent, the rest of the prefix is verified the same way only if that
        // is cheaper than counting (a verification costs some thirty counts).
        var bounds = Bounds(n: n, minimum: threshold)
        var covered = 0
        var next = 0
        var budget = firstPhaseBudget
        var decided = false
        while next < byRarity.count, covered < n - bounds.fewestShared + 1 {
            let id = byRarity[next], weight = occurrences[id]!
            let list = postings(id, bounds.lowest...bounds.highest)
            if list.count > budget {
                guard !decided else { break }
                decided = true
                var prefixWork = 0, countingWork = 0, prefixCovered = covered
                let window = positions(bounds.lowest...bounds.highest)
                let windowWords = (window.upperBound + 63) >> 6 - window.lowerBound >> 6
                for (position, id) in byRarity.enumerated() where id >= 0 {
                    let size = postings(id, bounds.lowest...bounds.highest).count
                    if position >= next, prefixCovered < n - bounds.fewestShared + 1 {
                        prefixWork += size
                        prefixCovered += occurrences[id]!
                    }
                    countingWork += bitsetOfToken[id] == nil ? size : windowWords * occurrences[id]!
                }
                guard prefixWork.multipliedReportingOverflow(by: verificationCost).partialValue <= countingWork, verificationCost < Int.max else { break }
                budget = Int.max
            }
            budget -= list.count
            next += 1
            covered += weight
            for number in list where hits[Int(number)] == 0 {
                hits[Int(number)] = Self.verified
                touched.append(number)
                verify(number)
            }
            if threshold > bounds.minimum { bounds = Bounds(n: n, minimum: threshold) }
        }
        if covered >= n - bounds.fewestShared + 1 { return results }

        // 2. Exact presence counts. For every sequence, the query occurrences of the tokens it
        // contains bound its shared tokens from above. Tokens with short lists are counted from
        // their postings; frequent tokens (those with bit sets) are added up for all sequences
        // at once in bit-sliced counters, 64 sequences a word.
        let verifiedCount = touched.count
        var frequent: [(sets: [Int], weight: Int)] = []
        hits.withUnsafeMutableBufferPointer { hits in
            for id in byRarity where id >= 0 {
                let weight = occurrences[id]!
                if let sets = bitsetOfToken[id] {
                    frequent.append((sets, weight))
                    continue
                }
                for number in postings(id, bounds.lowest...bounds.highest) {
                    let count = hits[Int(number)]
                    if count & Self.verified != 0 { continue }
                    if count == 0 { touched.append(number) }
                    hits[Int(number)] = count + UInt16(weight)
                }
            }
        }
        let frequentWeight = frequent.reduce(0) { $0 + $1.weight }
        var planeCount = 0
        while 1 << planeCount <= frequentWeight { planeCount += 1 }
        planes.removeAll(keepingCapacity: true)
        planes.append(contentsOf: repeatElement(0, count: planeCount * words))
        let window = positions(bounds.lowest...bounds.highest)
        let windowWords = (window.lowerBound >> 6)..<((window.upperBound + 63) >> 6)
        var carries = [UInt64](repeating: 0, count: windowWords.count)
        planes.withUnsafeMutableBufferPointer { planes in
            bitsets.withUnsafeBufferPointer { bitsets in
                for (sets, weight) in frequent {
                    // The k-th occurrence in the query is shared only by sequences holding the
                    // token k times (the highest level kept stands for the ones above it).
                    for occurrence in 0..<weight {
                        // Add the set to the counters plane by plane, every word of the window
                        // at once (branch-free, vectorisable), until no carry is left.
                        let base = sets[min(occurrence, sets.count - 1)] * words
                        carries.withUnsafeMutableBufferPointer { carries in
                            for word in windowWords { carries[word - windowWords.lowerBound] = bitsets[base + word] }
                            for plane in 0..<planeCount {
                                let row = plane * words + windowWords.lowerBound
                                var left: UInt64 = 0
                                for index in 0..<windowWords.count {
                                    let sum = planes[row + index], carry = carries[index]
                                    planes[row + index] = sum ^ carry
                                    carries[index] = carry & sum
                                    left |= carry & sum
                                }
                                if left == 0 { break }
                            }
                        }
                    }
                }
            }
        }
        func frequentCount(_ number: Int32) -> Int {
            var count = 0
            for plane in 0..<planeCount where planes[plane * words + Int(number) >> 6] >> UInt64(number & 63) & 1 != 0 {
                count += 1 << plane
            }
            return count
        }
        func bound(_ shared: Int, _ m: Int) -> Int {
            FuzzyScore.score(distance: max(n, m) - min(shared, n, m), longer: max(n, m))
        }

        // 3. Bounds: candidates with a short-list token, then sequences of frequent tokens only
        // when those alone can reach the fewest shared tokens any allowed length needs.
        for index in buckets.indices { buckets[index].removeAll(keepingCapacity: true) }
        for number in touched[verifiedCount...] {
            let value = bound(Int(hits[Int(number)]) + frequentCount(number), length(number))
            if value >= threshold { buckets[value].append(number) }
        }
        if frequentWeight >= bounds.fewestShared {
            let fewest = bounds.fewestShared
            for word in windowWords {
                // Lanes whose count is at least `fewest`, compared plane by plane from the top.
                var greater: UInt64 = 0, equal: UInt64 = ~0
                for plane in stride(from: planeCount - 1, through: 0, by: -1) {
                    let bits = planes[plane * words + word]
                    if fewest >> plane & 1 != 0 { equal &= bits } else { greater |= equal & bits; equal &= ~bits }
                }
                var lanes = greater | (fewest >= 1 << planeCount ? 0 : equal)
                while lanes != 0 {
                    let lane = lanes.trailingZeroBitCount
                    lanes &= lanes - 1
                    let position = word * 64 + lane
                    guard window.contains(position), hits[position] == 0 else { continue }
                    let value = bound(frequentCount(Int32(position)), length(Int32(position)))
                    if value >= threshold { buckets[value].append(Int32(position)) }
                }
            }
        }

        // 4. Verify the most promising first; stop when no bound reaches the threshold.
        var bound = 100
        while bound >= threshold {
            for number in buckets[bound] { verify(number) }
            bound -= 1
        }
        return results
    }

    /// Marks a candidate already verified in ``hits``.
    private static let verified: UInt16 = 1 << 15

    private func postingCount(_ id: Int32) -> Int {
        id < 0 ? 0 : postingStarts[Int(id) + 1] - postingStarts[Int(id)]
    }

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
