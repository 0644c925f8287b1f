#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Token keys (UTF-8 bytes) → ids: a lookup is a hash over the bytes, a probe
/// or two and a compare, with no `String` made or hashed. Keys are folded
/// (NFKC), so byte equality is the equality that matters.
///
/// Laid out for the cache: the open-addressing index holds only a 32-bit
/// hash and an entry number per slot (half a megabyte for 60,000 tokens);
/// entries and key bytes sit in first-seen order, and as frequent tokens are
/// met first, the ones most looked up share a few cache lines.
struct TokenKeyTable {
    private struct Entry {
        var start: Int32
        var length: Int32
        var id: Int32
    }

    /// Per slot: hash in the high 32 bits, entry number + 1 in the low (0 = empty).
    private var index = [UInt64](repeating: 0, count: 1024)
    private var entries: [Entry] = []
    private var arena: [UInt8] = []

    var count: Int { entries.count }

    /// The id stored for `key`, if any.
    func id(of key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = Self.hash(key)
        let mask = index.count - 1
        var slot = Int(hash) & mask
        return index.withUnsafeBufferPointer { index in
            while true {
                let value = index[slot]
                if value == 0 { return nil }
                if UInt32(truncatingIfNeeded: value >> 32) == hash {
                    let entry = entries[Int(UInt32(truncatingIfNeeded: value)) - 1]
                    if matches(entry, key) { return entry.id }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Stores `id` for `key` (which must not be present yet).
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, id: Int32) {
        if (entries.count + 1) * 2 > index.count { grow() }
        entries.append(Entry(start: Int32(arena.count), length: Int32(key.count), id: id))
        arena.append(contentsOf: key)
        place(hash: Self.hash(key), entry: entries.count)
    }

    private mutating func place(hash: UInt32, entry: Int) {
        let mask = index.count - 1
        var slot = Int(hash) & mask
        while index[slot] != 0 { slot = (slot + 1) & mask }
        index[slot] = UInt64(hash) << 32 | UInt64(entry)
    }

    private mutating func grow() {
        let old = index
        index = [UInt64](repeating: 0, count: old.count * 2)
        for value in old where value != 0 { place(hash: UInt32(truncatingIfNeeded: value >> 32), entry: Int(UInt32(truncatingIfNeeded: value))) }
    }

    private func matches(_ entry: Entry, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Int(entry.length) == key.count else { return false }
        guard let base = key.baseAddress else { return true }
        return arena.withUnsafeBufferPointer { stored in memcmp(stored.baseAddress! + Int(entry.start), base, key.count) == 0 }
    }

    /// 64-bit FNV-1a, finalised (high bits folded into the low ones the index uses), cut to 32 bits.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        hash = (hash ^ (hash >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        return UInt32(truncatingIfNeeded: hash ^ (hash >> 33))
    }
}
