import Dispatch

/// Building the posting lists and bit sets of a ``FuzzyIndex``.
extension FuzzyIndex {
    /// Builds the posting lists now rather than at the first search (which would then
    /// carry the cost of loading).
    func prepare() {
        buildPostings()
    }

    /// Builds the tables (posting lists and bit sets, over the sequences renumbered shortest
    /// first) from the sequences added, unless they are current.
    func buildPostings() {
        guard !tablesAreCurrent else { return }
        tables = Self.buildTables(tokens: addedTokens, starts: addedStarts, vocabularySize: vocabulary.count)
        addedTokens = []
        addedStarts = [0]
        tablesAreCurrent = true
        hits = [UInt16](repeating: 0, count: tables.sequenceCount)
    }

    /// The tables for these sequences.
    static func buildTables(tokens: [Int32], starts: [Int], vocabularySize: Int) -> FuzzyTables {
        let count = starts.count - 1
        func length(_ number: Int) -> Int { starts[number + 1] - starts[number] }
        var byLength = [Int](repeating: 0, count: 2)
        for number in 0..<count {
            let m = length(number)
            if m + 2 > byLength.count { byLength += [Int](repeating: 0, count: m + 2 - byLength.count) }
            byLength[m + 1] += 1
        }
        for index in 1..<byLength.count { byLength[index] += byLength[index - 1] }
        // Within the index, sequences are numbered shortest first: a length window is then a
        // range of numbers, and posting lists and bit sets come out ordered by length.
        var order = [Int32](repeating: 0, count: count)
        var tables = FuzzyTables()
        tables.firstOfLength = FlatArray(Array(byLength))
        for number in 0..<count {
            let m = length(number)
            order[byLength[m]] = Int32(number)
            byLength[m] += 1
        }
        tables.byLengthOrder = FlatArray(order)
        // The sequences copied out in length order once: the passes below then read memory in
        // order instead of jumping about (on a million sequences, most of their time was misses).
        var sortedTokens: [Int32] = []
        sortedTokens.reserveCapacity(tokens.count)
        var sortedStarts = [Int](repeating: 0, count: count + 1)
        for (position, number) in order.enumerated() {
            sortedTokens.append(contentsOf: tokens[starts[Int(number)]..<starts[Int(number) + 1]])
            sortedStarts[position + 1] = sortedTokens.count
        }

        var sizes = [Int](repeating: 0, count: vocabularySize + 1)
        var lastSeen = [Int32](repeating: -1, count: vocabularySize)
        for number in 0..<count {
            for id in tokens[starts[number]..<starts[number + 1]] where lastSeen[Int(id)] != Int32(number) {
                lastSeen[Int(id)] = Int32(number)
                sizes[Int(id) + 1] += 1
            }
        }
        for index in 1..<sizes.count { sizes[index] += sizes[index - 1] }
        tables.postingStarts = FlatArray(sizes)
        // The posting lists and the bit sets are independent: built on two threads.
        let (tokensInOrder, startsInOrder, postingSizes) = (sortedTokens, sortedStarts, sizes)
        let postings = ResultBox<FlatArray<Int32>>(), frequent = ResultBox<(FlatArray<UInt64>, [Int32: [Int]], Int)>()
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                postings.value = postingItems(sortedTokens: tokensInOrder, sortedStarts: startsInOrder, sizes: postingSizes)
            } else {
                frequent.value = frequentTokenSets(sortedTokens: tokensInOrder, sortedStarts: startsInOrder, sizes: postingSizes)
            }
        }
        tables.postingItems = postings.value!
        (tables.bitsets, tables.bitsetOfToken, tables.bitsetWords) = frequent.value!
        tables.tokens = FlatArray(tokens)
        tables.starts = FlatArray(starts)
        return tables
    }

    /// The positions of the sequences holding each token, list after list (`sizes` are where
    /// each list starts), written straight into the table's own memory.
    private static func postingItems(sortedTokens: [Int32], sortedStarts: [Int], sizes: [Int]) -> FlatArray<Int32> {
        let vocabularySize = sizes.count - 1, count = sortedStarts.count - 1
        var cursor = sizes
        var lastSeen = [Int32](repeating: -1, count: vocabularySize)
        return FlatArray(count: sizes[vocabularySize]) { postingItems in
            for position in 0..<count {
                for id in sortedTokens[sortedStarts[position]..<sortedStarts[position + 1]] where lastSeen[Int(id)] != Int32(position) {
                    lastSeen[Int(id)] = Int32(position)
                    postingItems[cursor[Int(id)]] = Int32(position)
                    cursor[Int(id)] += 1
                }
            }
        }
    }

    /// Frequent tokens get bit sets, one per level of repetition (twice, three times, four
    /// times) while enough sequences reach that level: counts then bound min(query, sequence)
    /// occurrences, not just presence. Returns the sets, the sets of each token and the words a set has.
    private static func frequentTokenSets(sortedTokens: [Int32], sortedStarts: [Int], sizes: [Int]) -> (FlatArray<UInt64>, [Int32: [Int]], Int) {
        let vocabularySize = sizes.count - 1, count = sortedStarts.count - 1
        let bitsetWords = (count + 63) / 64
        var bitsetOfToken: [Int32: [Int]] = [:]
        let frequentSize = max(64, count / 128), levels = 4
        var frequentIndex = [Int32](repeating: -1, count: vocabularySize)
        var frequentIDs: [Int32] = []
        for id in 0..<vocabularySize where sizes[id + 1] - sizes[id] >= frequentSize {
            frequentIndex[id] = Int32(frequentIDs.count)
            frequentIDs.append(Int32(id))
        }
        var reached = [Int](repeating: 0, count: frequentIDs.count * levels)
        var occurrences = [UInt8](repeating: 0, count: frequentIDs.count)
        var seen: [Int32] = []
        func forEachRepetition(_ body: (_ frequent: Int, _ level: Int, _ position: Int) -> Void) {
            for position in 0..<count {
                for id in sortedTokens[sortedStarts[position]..<sortedStarts[position + 1]] where frequentIndex[Int(id)] >= 0 {
                    let index = Int(frequentIndex[Int(id)])
                    if occurrences[index] == 0 { seen.append(Int32(index)) }
                    if occurrences[index] < UInt8(levels) { occurrences[index] += 1 }
                }
                for index in seen {
                    for level in 0..<Int(occurrences[Int(index)]) { body(Int(index), level, position) }
                    occurrences[Int(index)] = 0
                }
                seen.removeAll(keepingCapacity: true)
            }
        }
        forEachRepetition { frequent, level, _ in reached[frequent * levels + level] += 1 }
        var setOfLevel = [Int](repeating: -1, count: frequentIDs.count * levels)
        var setCount = 0
        for (index, id) in frequentIDs.enumerated() {
            var kept: [Int] = []
            for level in 0..<levels where level == 0 || reached[index * levels + level] >= frequentSize {
                guard kept.count == level else { break }
                setOfLevel[index * levels + level] = setCount
                kept.append(setCount)
                setCount += 1
            }
            bitsetOfToken[id] = kept
        }
        let bitsets = FlatArray<UInt64>(count: setCount * bitsetWords) { sets in
            sets.initialize(repeating: 0)
            forEachRepetition { frequent, level, position in
                let set = setOfLevel[frequent * levels + level]
                if set >= 0 { sets[set * bitsetWords + position >> 6] |= 1 << UInt64(position & 63) }
            }
        }
        return (bitsets, bitsetOfToken, bitsetWords)
    }
}
