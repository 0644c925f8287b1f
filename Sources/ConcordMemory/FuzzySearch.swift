/// One search of a ``FuzzyIndex``, in four phases:
/// 1. ``verifyRarestLists()``: the rarest tokens' postings are verified at once;
/// 2. ``countSharedTokens()``: for every other candidate, how many query tokens it can share;
/// 3. ``collectCandidates()``: candidates bucketed by the best score those counts allow;
/// 4. ``verifyByBound()``: the most promising verified first, until no bound reaches the threshold.
///
/// Positions are places in the index's length order (`order` maps them to sequence numbers).
struct FuzzySearch {
    // The index's tables (kept here so that their memory lives as long as the search), and
    // their buffers as locals: read only, with no reference counting in the loops.
    private let tables: FuzzyTables
    private let tokens: UnsafeBufferPointer<Int32>, starts: UnsafeBufferPointer<Int>
    private let postingStarts: UnsafeBufferPointer<Int>, postingItems: UnsafeBufferPointer<Int32>
    private let order: UnsafeBufferPointer<Int32>, firstOfLength: UnsafeBufferPointer<Int>, sequenceCount: Int
    private let bitsets: UnsafeBufferPointer<UInt64>, bitsetOfToken: [Int32: [Int]], words: Int
    private let firstPhaseBudget: Int, verificationCost: Int

    // The query.
    private let n: Int
    private let minimum: Int
    private let limit: Int
    private let pattern: EditDistance.Pattern
    /// Occurrences per distinct token, and the tokens rarest first (unknown tokens are rarest of all).
    private let occurrences: [Int32: Int]
    private let byRarity: [Int32]
    private let finalScore: (Int, Int) -> Int

    // Scratch space, lent by the index.
    var hits: [UInt16] = [], touched: [Int32] = [], buckets: [[Int32]] = [], planes: [UInt64] = []

    // What the phases find.
    private var threshold: Int
    /// Final scores of the best so far, ascending, at most `limit`.
    private var best: [Int] = []
    private var results: [(number: Int, fuzzy: Int)] = []
    private var bounds: FuzzyIndex.Bounds
    /// Candidates verified in phase 1 (the first entries of `touched`).
    private var verifiedCount = 0
    private var frequentWeight = 0
    private var planeCount = 0

    init(index: FuzzyIndex, tables: FuzzyTables, query: [Int32], minimum: Int, limit: Int, finalScore: @escaping (Int, Int) -> Int) {
        self.tables = tables
        (tokens, starts) = (tables.tokens.buffer, tables.starts.buffer)
        (postingStarts, postingItems) = (tables.postingStarts.buffer, tables.postingItems.buffer)
        (order, firstOfLength, sequenceCount) = (tables.byLengthOrder.buffer, tables.firstOfLength.buffer, tables.sequenceCount)
        (bitsets, bitsetOfToken, words) = (tables.bitsets.buffer, tables.bitsetOfToken, tables.bitsetWords)
        (firstPhaseBudget, verificationCost) = (index.firstPhaseBudget, index.verificationCost)
        n = query.count
        self.minimum = minimum
        self.limit = limit
        self.finalScore = finalScore
        pattern = EditDistance.Pattern(query)
        var occurrences: [Int32: Int] = [:]
        for id in query { occurrences[id, default: 0] += 1 }
        self.occurrences = occurrences
        byRarity = occurrences.keys.sorted { lhs, rhs in
            let left = index.postingCount(lhs), right = index.postingCount(rhs)
            return left != right ? left < right : lhs < rhs
        }
        threshold = minimum
        bounds = FuzzyIndex.Bounds(n: query.count, minimum: minimum)
    }

    /// The sequences that can be among the best `limit`, with their fuzzy scores.
    mutating func run() -> [(number: Int, fuzzy: Int)] {
        touched.removeAll(keepingCapacity: true)
        if verifyRarestLists() { return results }
        countSharedTokens()
        collectCandidates()
        verifyByBound()
        return results
    }

    /// Clears the marks this search left in `hits` (the index reuses the buffer).
    mutating func clearHits() {
        for number in touched { hits[Int(number)] = 0 }
    }

    // MARK: Phase 1

    /// Verifies the rarest lists at once: near-copies share rare tokens, so the threshold
    /// usually rises here and the prefix still to read shrinks. Once the budget is spent, the
    /// rest of the prefix is verified the same way only if that is cheaper than counting (a
    /// verification costs some thirty counts). True when the prefix covered every candidate.
    private mutating func verifyRarestLists() -> Bool {
        var covered = 0, next = 0
        var budget = firstPhaseBudget
        var decided = false
        while next < byRarity.count, covered < n - bounds.fewestShared + 1 {
            let id = byRarity[next]
            let list = postings(id, bounds.lowest...bounds.highest)
            if list.count > budget {
                guard !decided else { break }
                decided = true
                guard prefixIsCheaperThanCounting(from: next, covered: covered) else { break }
                budget = Int.max
            }
            budget -= list.count
            next += 1
            covered += occurrences[id]!
            for number in list where hits[Int(number)] == 0 {
                hits[Int(number)] = FuzzyIndex.verified
                touched.append(number)
                verify(number)
            }
            if threshold > bounds.minimum { bounds = FuzzyIndex.Bounds(n: n, minimum: threshold) }
        }
        verifiedCount = touched.count
        return covered >= n - bounds.fewestShared + 1
    }

    /// True when verifying the rest of the prefix costs less than counting every list.
    private func prefixIsCheaperThanCounting(from next: Int, covered: Int) -> Bool {
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
        return prefixWork.multipliedReportingOverflow(by: verificationCost).partialValue <= countingWork && verificationCost < Int.max
    }

    // MARK: Phase 2

    /// Exact presence counts. For every sequence, the query occurrences of the tokens it
    /// contains bound its shared tokens from above. Tokens with short lists are counted from
    /// their postings; frequent tokens (those with bit sets) are added up for all sequences
    /// at once in bit-sliced counters, 64 sequences a word.
    private mutating func countSharedTokens() {
        var frequent: [(sets: [Int], weight: Int)] = []
        let window = bounds.lowest...bounds.highest
        for id in byRarity where id >= 0 {
            let weight = occurrences[id]!
            if let sets = bitsetOfToken[id] {
                frequent.append((sets, weight))
                continue
            }
            let list = postings(id, window)
            hits.withUnsafeMutableBufferPointer { hits in
                for number in list {
                    let count = hits[Int(number)]
                    if count & FuzzyIndex.verified != 0 { continue }
                    if count == 0 { touched.append(number) }
                    hits[Int(number)] = count + UInt16(weight)
                }
            }
        }
        addFrequentTokens(frequent)
    }

    /// Adds each frequent token's bit set to the bit-sliced counters, plane by plane, every
    /// word of the window at once (branch-free, vectorisable), until no carry is left.
    private mutating func addFrequentTokens(_ frequent: [(sets: [Int], weight: Int)]) {
        frequentWeight = frequent.reduce(0) { $0 + $1.weight }
        planeCount = 0
        while 1 << planeCount <= frequentWeight { planeCount += 1 }
        planes.removeAll(keepingCapacity: true)
        planes.append(contentsOf: repeatElement(0, count: planeCount * words))
        let windowWords = self.windowWords
        var carries = [UInt64](repeating: 0, count: windowWords.count)
        let (planeCount, words) = (self.planeCount, self.words)
        let bitsets = self.bitsets
        planes.withUnsafeMutableBufferPointer { planes in
            for (sets, weight) in frequent {
                // The k-th occurrence in the query is shared only by sequences holding the
                // token k times (the highest level kept stands for the ones above it).
                for occurrence in 0..<weight {
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

    // MARK: Phase 3

    /// Buckets candidates by the best score their counts allow: those with a short-list token,
    /// then sequences of frequent tokens only when those alone can reach the fewest shared
    /// tokens any allowed length needs.
    private mutating func collectCandidates() {
        for index in buckets.indices { buckets[index].removeAll(keepingCapacity: true) }
        for number in touched[verifiedCount...] {
            let value = bound(Int(hits[Int(number)]) + frequentCount(number), length(number))
            if value >= threshold { buckets[value].append(number) }
        }
        guard frequentWeight >= bounds.fewestShared else { return }
        let fewest = bounds.fewestShared
        let window = positions(bounds.lowest...bounds.highest)
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

    // MARK: Phase 4

    /// Verifies the most promising first; stops when no bound reaches the threshold.
    private mutating func verifyByBound() {
        var bound = 100
        while bound >= threshold {
            for number in buckets[bound] { verify(number) }
            bound -= 1
        }
    }

    // MARK: Helpers

    /// Verifies one candidate; once `limit` results are in, the threshold rises to the worst of them.
    private mutating func verify(_ position: Int32) {
        let m = length(position), number = Int(order[Int(position)])
        let distance = EditDistance.distance(pattern, UnsafeBufferPointer(rebasing: tokens[starts[number]..<starts[number + 1]]))
        let fuzzy = FuzzyScore.score(distance: distance, longer: max(n, m))
        guard fuzzy >= threshold else { return }
        let final = finalScore(number, fuzzy)
        guard final >= minimum else { return }
        results.append((number, fuzzy))
        guard limit != Int.max else { return }
        let slot = best.firstIndex { $0 > final } ?? best.count
        best.insert(final, at: slot)
        if best.count > limit { best.removeFirst() }
        if best.count == limit { threshold = max(threshold, min(100, best[0])) }
    }

    /// A position's length, from the (small, cached) table of where each length starts:
    /// cheaper than a lookup at a random place in a per-sequence array.
    private func length(_ position: Int32) -> Int {
        var low = 0, high = firstOfLength.count
        while low < high {
            let middle = (low + high) / 2
            if firstOfLength[middle] <= Int(position) { low = middle + 1 } else { high = middle }
        }
        return low - 1
    }

    /// The positions of the sequences whose length is in `window`.
    private func positions(_ window: ClosedRange<Int>) -> Range<Int> {
        func first(_ length: Int) -> Int { length < firstOfLength.count ? firstOfLength[length] : sequenceCount }
        return first(window.lowerBound)..<first(window.upperBound + 1)
    }

    /// The bit-set words covering the lengths still allowed.
    private var windowWords: Range<Int> {
        let window = positions(bounds.lowest...bounds.highest)
        return (window.lowerBound >> 6)..<((window.upperBound + 63) >> 6)
    }

    /// The postings of `id` whose sequence length is in `window`.
    private func postings(_ id: Int32, _ window: ClosedRange<Int>) -> UnsafeBufferPointer<Int32> {
        guard id >= 0 else { return UnsafeBufferPointer(start: nil, count: 0) }
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
        return UnsafeBufferPointer(rebasing: postingItems[firstIndex(atLeast: range.lowerBound)..<firstIndex(atLeast: range.upperBound)])
    }

    /// How many times frequent tokens of the query occur in `number`, from the counters.
    private func frequentCount(_ number: Int32) -> Int {
        var count = 0
        for plane in 0..<planeCount where planes[plane * words + Int(number) >> 6] >> UInt64(number & 63) & 1 != 0 {
            count += 1 << plane
        }
        return count
    }

    /// The best score a sequence of length `m` sharing `shared` tokens can reach.
    private func bound(_ shared: Int, _ m: Int) -> Int {
        FuzzyScore.score(distance: max(n, m) - min(shared, n, m), longer: max(n, m))
    }
}
