/// Unit-cost Levenshtein distance over token-id sequences.
///
/// Myers' bit-parallel algorithm, in blocks of 64 pattern tokens (Hyyrö's
/// multi-word form) for longer patterns: one pass over the text, a few word
/// operations per text token and block.
public enum EditDistance {
    /// A pattern prepared once for many comparisons.
    public struct Pattern {
        let ids: [Int32]
        /// 64-token blocks.
        let blocks: Int
        /// For each distinct id, the bit masks of its positions (Myers' Peq), one word per block,
        /// in a small open-addressing table: far cheaper than a Dictionary per lookup.
        let keys: [Int32]
        let masks: [UInt64]
        let slotMask: Int

        public init(_ ids: [Int32]) {
            self.ids = ids
            blocks = max(1, (ids.count + 63) / 64)
            var slots = 128
            while slots < 2 * ids.count { slots *= 2 }
            slotMask = slots - 1
            var keys = [Int32](repeating: Int32.min, count: slots)
            var masks = [UInt64](repeating: 0, count: slots * blocks)
            for (position, id) in ids.enumerated() {
                var slot = Self.slot(id, slotMask)
                while keys[slot] != Int32.min && keys[slot] != id { slot = (slot + 1) & slotMask }
                keys[slot] = id
                masks[slot * blocks + position / 64] |= 1 << UInt64(position % 64)
            }
            self.keys = keys
            self.masks = masks
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

        public var count: Int { ids.count }
    }

    /// The distance between the pattern and `text`.
    public static func distance(_ pattern: Pattern, _ text: [Int32]) -> Int {
        text.withUnsafeBufferPointer { distance(pattern, $0) }
    }

    /// The distance between the pattern and `text`.
    public static func distance(_ pattern: Pattern, _ text: UnsafeBufferPointer<Int32>) -> Int {
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
            let slot = pattern.slot(of: id)
            var carry = 1                                   // delta entering block 0 from row 0
            for block in 0..<blocks {
                var eq = slot.map { pattern.masks[$0 * blocks + block] } ?? 0
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
    public static func classic(_ a: [Int32], _ b: [Int32]) -> Int {
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
