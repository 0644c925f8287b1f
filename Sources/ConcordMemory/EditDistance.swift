/// Unit-cost Levenshtein distance over token-id sequences.
///
/// Myers' bit-parallel algorithm, in blocks of 64 pattern tokens (Hyyrö's
/// multi-word form) for longer patterns: one pass over the text, a few word
/// operations per text token and block.
enum EditDistance {
    /// A pattern prepared once for many comparisons.
    ///
    /// Memory is linear in the pattern's length: one mask per distinct token for a
    /// single block; for longer patterns only the (token, block) masks that are not
    /// zero, at most one per position (a dense table of every distinct token by every
    /// block would grow with the square of the length: 3 GB for 100,000 tokens).
    struct Pattern {
        let ids: [Int32]
        /// 64-token blocks.
        let blocks: Int
        /// The distinct ids in a small open-addressing table: far cheaper than a Dictionary per lookup.
        let keys: [Int32]
        let slotMask: Int
        /// Single block: the bit mask of each slot's positions (Myers' Peq).
        let masks: [UInt64]
        /// Several blocks: slot s owns entries `entryStarts[s]..<entryStarts[s + 1]`, by ascending block.
        let entryStarts: [Int32]
        let entryBlocks: [Int32]
        let entryMasks: [UInt64]

        init(_ ids: [Int32]) {
            self.ids = ids
            blocks = max(1, (ids.count + 63) / 64)
            var slots = 128
            while slots < 2 * ids.count { slots *= 2 }
            slotMask = slots - 1
            var keys = [Int32](repeating: Int32.min, count: slots)
            var slotOfPosition = [Int32](repeating: 0, count: ids.count)
            for (position, id) in ids.enumerated() {
                var slot = Self.slot(id, slotMask)
                while keys[slot] != Int32.min && keys[slot] != id { slot = (slot + 1) & slotMask }
                keys[slot] = id
                slotOfPosition[position] = Int32(slot)
            }
            self.keys = keys
            if blocks == 1 {
                var masks = [UInt64](repeating: 0, count: slots)
                for position in ids.indices { masks[Int(slotOfPosition[position])] |= 1 << UInt64(position) }
                self.masks = masks
                (entryStarts, entryBlocks, entryMasks) = ([], [], [])
            } else {
                masks = []
                (entryStarts, entryBlocks, entryMasks) = Self.sparseMasks(slotOfPosition, slots: slots)
            }
        }

        /// Groups positions by slot, then by 64-position block (positions ascend, so blocks do too).
        private static func sparseMasks(_ slotOfPosition: [Int32], slots: Int) -> ([Int32], [Int32], [UInt64]) {
            var lastBlock = [Int32](repeating: -1, count: slots)
            var starts = [Int32](repeating: 0, count: slots + 1)
            for (position, slot) in slotOfPosition.enumerated() where lastBlock[Int(slot)] != Int32(position / 64) {
                lastBlock[Int(slot)] = Int32(position / 64)
                starts[Int(slot) + 1] += 1
            }
            for slot in 0..<slots { starts[slot + 1] += starts[slot] }
            var fill = starts
            var blocks = [Int32](repeating: 0, count: Int(starts[slots]))
            var masks = [UInt64](repeating: 0, count: Int(starts[slots]))
            lastBlock = [Int32](repeating: -1, count: slots)
            for (position, slot) in slotOfPosition.enumerated() {
                let block = Int32(position / 64)
                if lastBlock[Int(slot)] != block {
                    lastBlock[Int(slot)] = block
                    blocks[Int(fill[Int(slot)])] = block
                    fill[Int(slot)] += 1
                }
                masks[Int(fill[Int(slot)]) - 1] |= 1 << UInt64(position % 64)
            }
            return (starts, blocks, masks)
        }

        @inline(__always)
        static func slot(_ id: Int32, _ mask: Int) -> Int {
            Int((UInt32(bitPattern: id) &* 0x9E37_79B1) >> 16) & mask
        }

        /// The table slot of `id`, or nil when the pattern does not contain it.
        @inline(__always)
        func slot(of id: Int32) -> Int? {
            var slot = Self.slot(id, slotMask)
            while true {
                let key = keys[slot]
                if key == id { return slot }
                if key == Int32.min { return nil }
                slot = (slot + 1) & slotMask
            }
        }

        var count: Int { ids.count }
    }

    /// The distance between the pattern and `text`.
    static func distance(_ pattern: Pattern, _ text: [Int32]) -> Int {
        text.withUnsafeBufferPointer { distance(pattern, $0) }
    }

    /// The distance between the pattern and `text`.
    static func distance(_ pattern: Pattern, _ text: UnsafeBufferPointer<Int32>) -> Int {
        let m = pattern.count
        if m == 0 { return text.count }
        if text.isEmpty { return m }
        return pattern.blocks == 1 ? singleBlock(pattern, text) : multipleBlocks(pattern, text)
    }

    private static func singleBlock(_ pattern: Pattern, _ text: UnsafeBufferPointer<Int32>) -> Int {
        let m = pattern.count
        var positive: UInt64 = m == 64 ? ~0 : (1 << UInt64(m)) - 1
        var negative: UInt64 = 0
        var score = m
        let last: UInt64 = 1 << UInt64(m - 1)
        for id in text {
            let eq = pattern.slot(of: id).map { pattern.masks[$0] } ?? 0
            let xv = eq | negative
            let xh = (((eq & positive) &+ positive) ^ positive) | eq
            var ph = negative | ~(xh | positive)
            var mh = positive & xh
            if ph & last != 0 { score += 1 } else if mh & last != 0 { score -= 1 }
            ph = (ph << 1) | 1
            mh = mh << 1
            positive = mh | ~(xv | ph)
            negative = ph & xv
        }
        return score
    }

    /// Blocks of 64 rows; each block passes its bottom row's horizontal delta (+1, 0, −1)
    /// to the next, and the top row grows by one per text token.
    private static func multipleBlocks(_ pattern: Pattern, _ text: UnsafeBufferPointer<Int32>) -> Int {
        let m = pattern.count, blocks = pattern.blocks
        var positive = [UInt64](repeating: ~0, count: blocks)
        var negative = [UInt64](repeating: 0, count: blocks)
        let lastBit = UInt64((m - 1) % 64)
        var score = m
        let high: UInt64 = 1 << 63
        for id in text {
            // The token's non-zero masks, walked along with the blocks.
            var entry = 0, entriesEnd = 0
            if let slot = pattern.slot(of: id) {
                entry = Int(pattern.entryStarts[slot])
                entriesEnd = Int(pattern.entryStarts[slot + 1])
            }
            var carry = 1                                   // delta entering block 0 from row 0
            for block in 0..<blocks {
                var eq: UInt64 = 0
                if entry < entriesEnd, pattern.entryBlocks[entry] == Int32(block) {
                    eq = pattern.entryMasks[entry]
                    entry += 1
                }
                let carryNegative: UInt64 = carry < 0 ? 1 : 0
                let xv = eq | negative[block]
                eq |= carryNegative
                let xh = (((eq & positive[block]) &+ positive[block]) ^ positive[block]) | eq
                var ph = negative[block] | ~(xh | positive[block])
                var mh = positive[block] & xh
                if block == blocks - 1 {
                    score += Int((ph >> lastBit) & 1) - Int((mh >> lastBit) & 1)
                }
                let out = (ph & high != 0 ? 1 : 0) - (mh & high != 0 ? 1 : 0)
                ph = (ph << 1) | (carry > 0 ? 1 : 0)
                mh = (mh << 1) | carryNegative
                positive[block] = mh | ~(xv | ph)
                negative[block] = ph & xv
                carry = out
            }
        }
        return score
    }

    /// The textbook dynamic programme (reference and long patterns).
    static func classic(_ a: [Int32], _ b: [Int32]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
