/// The flat arrays a ``FuzzySearch`` reads: sequences and postings as compressed sparse
/// rows, built in memory by ``FuzzyIndex/buildPostings()`` or mapped from an index file
/// (``FuzzyIndexFile``). Immutable once made, so copies are shared between searchers.
///
/// Inside the tables sequences are numbered by length as well: `byLengthOrder[i]` is the
/// sequence at position i, `firstOfLength[l]` the first position of length l or more. For
/// token id t, its positions are `postingItems[postingStarts[t]..<postingStarts[t + 1]]`,
/// ascending. Frequent tokens have bit sets over positions, one per level of repetition.
struct FuzzyTables: Sendable {
    /// Every sequence's token ids, one after the other.
    var tokens = FlatArray<Int32>()
    /// Where each sequence starts in `tokens` (one more than there are sequences).
    var starts = FlatArray<Int>([0])
    var byLengthOrder = FlatArray<Int32>()
    var firstOfLength = FlatArray<Int>([0])
    var postingStarts = FlatArray<Int>([0])
    var postingItems = FlatArray<Int32>()
    /// Bit sets of `bitsetWords` words each.
    var bitsets = FlatArray<UInt64>()
    /// Per frequent token, its bit sets by level: sequences holding it at least once, twice …
    var bitsetOfToken: [Int32: [Int]] = [:]
    var bitsetWords = 0

    /// The number of sequences.
    var sequenceCount: Int { starts.count - 1 }

    /// The length of sequence `number`.
    @inline(__always)
    func length(_ number: Int) -> Int { starts[number + 1] - starts[number] }

    /// The tokens of sequence `number`.
    @inline(__always)
    func sequence(_ number: Int) -> UnsafeBufferPointer<Int32> { tokens.slice(starts[number]..<starts[number + 1]) }

    /// The number of sequences holding token `id` (0 for ids no sequence has).
    @inline(__always)
    func postingCount(_ id: Int32) -> Int {
        id < 0 || Int(id) + 1 >= postingStarts.count ? 0 : postingStarts[Int(id) + 1] - postingStarts[Int(id)]
    }
}
