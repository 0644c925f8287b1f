/// Unit-cost Levenshtein distance over token-id sequences.
///
/// Up to 64 pattern tokens use Myers' bit-parallel algorithm (one machine word
/// per pattern); longer ones use the two-row dynamic programme.
public enum EditDistance {
    /// A pattern prepared once for many comparisons.
    public struct Pattern {
        let ids: [Int32]
        /// For each distinct id, the bit mask of its positions (Myers' Peq), when the pattern fits one
        /// word: a small open-addressing table (128 slots), far cheaper than a Dictionary per lookup.
        let keys: [Int32]
        let masks: [UInt64]
        let fits: Bool

        public init(_ ids: [Int32]) {
            self.ids = ids
            fits = ids.count <= 64
            var keys = [Int32](repeating: Int32.min, count: 128)
            var masks = [UInt64](repeating: 0, count: 128)
            if fits {
                for (position, id) in ids.enumerated() {
                    var slot = Self.slot(id)
                    while keys[slot] != Int32.min && keys[slot] != id { slot = (slot + 1) & 127 }
                    keys[slot] = id
                    masks[slot] |= 1 << UInt64(position)
                }
            }
            self.keys = keys
            self.masks = masks
        }

        @inline(__always)
        static func slot(_ id: Int32) -> Int {
            Int((UInt32(bitPattern: id) &* 0x9E37_79B1) >> 25)
        }

        @inline(__always)
        func mask(_ id: Int32) -> UInt64 {
            var slot = Self.slot(id)
            while true {
                let key = keys[slot]
                if key == id { return masks[slot] }
                if key == Int32.min { return 0 }
                slot = (slot + 1) & 127
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
        guard pattern.fits else { return classic(pattern.ids, Array(text)) }
        var positive: UInt64 = m == 64 ? ~0 : (1 << UInt64(m)) - 1
        var negative: UInt64 = 0
        var score = m
        let last: UInt64 = 1 << UInt64(m - 1)
        for id in text {
            let eq = pattern.mask(id)
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
