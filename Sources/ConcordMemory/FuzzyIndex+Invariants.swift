/// What must hold of a ``FuzzyIndex``'s flat arrays once its postings are built; tests
/// run it after building, adding and searching.
extension FuzzyIndex {
    /// Every broken invariant, described (empty when the index is sound). Builds postings first.
    func checkInvariants() -> [String] {
        buildPostings()
        let (tokens, starts, byLengthOrder) = (Array(tables.tokens), Array(tables.starts), Array(tables.byLengthOrder))
        let (postingStarts, postingItems) = (Array(tables.postingStarts), Array(tables.postingItems))
        var problems: [String] = []
        func check(_ condition: Bool, _ problem: @autoclosure () -> String) {
            if !condition, problems.count < 20 { problems.append(problem()) }
        }
        check(starts.first == 0 && starts.last == tokens.count, "starts do not span the token array")
        check(zip(starts, starts.dropFirst()).allSatisfy { $0 <= $1 }, "starts decrease")
        check(Set(byLengthOrder).count == count && byLengthOrder.allSatisfy { (0..<Int32(count)).contains($0) },
              "the length order is not a permutation of the sequences")
        let lengths = byLengthOrder.map { length(Int($0)) }
        check(zip(lengths, lengths.dropFirst()).allSatisfy { $0 <= $1 }, "the length order is not shortest first")
        for (length, first) in Array(tables.firstOfLength).enumerated() {
            let expected = lengths.firstIndex { $0 >= length } ?? count
            check(first == expected, "firstOfLength[\(length)] is \(first), not \(expected)")
        }
        check(postingStarts.count == vocabulary.count + 1 && postingStarts.last == postingItems.count,
              "posting starts do not span the postings")
        check(zip(postingStarts, postingStarts.dropFirst()).allSatisfy { $0 <= $1 }, "posting starts decrease")
        check(scratchIsClear, "the scratch counts are not clear")
        problems += postingProblems(lengthOrder: byLengthOrder)
        return problems
    }

    /// Each token's list holds, in ascending order, exactly the positions of the sequences containing it.
    private func postingProblems(lengthOrder: [Int32]) -> [String] {
        // As arrays: checking reads every element, in debug builds too.
        let (tokens, starts, bitsets, bitsetWords) = (Array(tables.tokens), Array(tables.starts), Array(tables.bitsets), tables.bitsetWords)
        let (postingStarts, postingItems) = (Array(tables.postingStarts), Array(tables.postingItems))
        var expected = [[Int32]](repeating: [], count: vocabulary.count)
        for (position, number) in lengthOrder.enumerated() {
            for id in Set(tokens[starts[Int(number)]..<starts[Int(number) + 1]]) { expected[Int(id)].append(Int32(position)) }
        }
        var problems: [String] = []
        for id in 0..<vocabulary.count where problems.count < 20 {
            let list = Array(postingItems[postingStarts[id]..<postingStarts[id + 1]])
            if list != expected[id] { problems.append("the postings of token \(id) are \(list.prefix(8)), not \(expected[id].prefix(8))") }
            for (level, set) in (bitsetOfToken[Int32(id)] ?? []).enumerated() {
                let members = (0..<count).filter { bitsets[set * bitsetWords + $0 >> 6] >> UInt64($0 & 63) & 1 != 0 }
                let holders = lengthOrder.enumerated().filter { _, number in
                    tokens[starts[Int(number)]..<starts[Int(number) + 1]].filter { $0 == Int32(id) }.count > level
                }.map(\.offset)
                if members != holders { problems.append("the level-\(level) bit set of token \(id) is wrong") }
            }
        }
        return problems
    }
}
