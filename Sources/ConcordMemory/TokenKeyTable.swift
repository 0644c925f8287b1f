#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Token keys (UTF-8 bytes) → ids, for the store and the index: a lookup is a
/// hash over the bytes, a probe or two and a compare, with no `String` made or
/// hashed. Keys are folded (NFKC), so byte equality is the equality that matters.
///
/// Laid out for the cache: a slot is 32 bytes and holds the key's first 16
/// bytes, so a lookup of a word of up to 16 bytes (most words; 8 Cyrillic
/// letters) touches one cache line. Longer keys finish the compare in a byte
/// arena.
struct TokenKeyTable {
    struct Slot {
        var hash: UInt32 = 0
        /// -1 while empty.
        var id: Int32 = -1
        var length: Int32 = 0
        /// Where the whole key starts in the arena (keys longer than 16 bytes only).
        var start: Int32 = 0
        var head0: UInt64 = 0
        var head1: UInt64 = 0
    }

    private var slots = [Slot](repeating: Slot(), count: 1024)
    private var arena: [UInt8] = []
    private(set) var count = 0

    /// The id stored for `key`, if any.
    func id(of key: UnsafeBufferPointer<UInt8>) -> Int32? {
        slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { arena in Self.find(key, slots: slots, arena: arena) }
        }
    }

    /// The id of `key` in a table laid out as `slots` (a power of two, at most half full) and `arena`.
    static func find(_ key: UnsafeBufferPointer<UInt8>, slots: UnsafeBufferPointer<Slot>, arena: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard slots.count > 0 else { return nil }
        let hash = Self.hash(key)
        let (head0, head1) = Self.head(key)
        let mask = slots.count - 1
        var index = Int(hash) & mask
        // A table read from a file could be full (damaged yet with a right checksum): stop after one round.
        for _ in 0..<slots.count {
            let slot = slots[index]
            if slot.id < 0 { return nil }
            if slot.hash == hash, Int(slot.length) == key.count, slot.head0 == head0, slot.head1 == head1,
               key.count <= 16 || tailMatches(slot, key, arena: arena) {
                return slot.id
            }
            index = (index + 1) & mask
        }
        return nil
    }

    /// The table as two flat arrays (for an index file).
    func frozen() -> Frozen {
        Frozen(slots: FlatArray(slots), arena: FlatArray(arena), count: count)
    }

    /// A table that no longer grows, in flat arrays (in memory or mapped from an index file).
    struct Frozen: Sendable {
        let slots: FlatArray<Slot>
        let arena: FlatArray<UInt8>
        let count: Int

        func id(of key: UnsafeBufferPointer<UInt8>) -> Int32? {
            TokenKeyTable.find(key, slots: slots.buffer, arena: arena.buffer)
        }
    }

    /// Stores `id` for `key` (which must not be present yet).
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, id: Int32) {
        if (count + 1) * 2 > slots.count { grow() }
        let (head0, head1) = Self.head(key)
        var slot = Slot(hash: Self.hash(key), id: id, length: Int32(key.count), start: 0, head0: head0, head1: head1)
        if key.count > 16 {
            slot.start = Int32(arena.count)
            arena.append(contentsOf: key)
        }
        place(slot)
        count += 1
    }

    private mutating func place(_ slot: Slot) {
        let mask = slots.count - 1
        var index = Int(slot.hash) & mask
        while slots[index].id >= 0 { index = (index + 1) & mask }
        slots[index] = slot
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        for slot in old where slot.id >= 0 { place(slot) }
    }

    private static func tailMatches(_ slot: Slot, _ key: UnsafeBufferPointer<UInt8>, arena: UnsafeBufferPointer<UInt8>) -> Bool {
        guard slot.start >= 0, Int(slot.start) + key.count <= arena.count else { return false }
        return memcmp(arena.baseAddress! + Int(slot.start) + 16, key.baseAddress! + 16, key.count - 16) == 0
    }

    /// The key's first 16 bytes as two words, zero-padded.
    @inline(__always)
    private static func head(_ key: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        guard let base = key.baseAddress else { return (0, 0) }
        if key.count >= 16 {
            let raw = UnsafeRawPointer(base)
            return (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        }
        var words: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(start: base, count: key.count)) }
        return words
    }

    /// 64-bit FNV-1a, finalised (high bits folded into the low ones the table uses), cut to 32 bits.
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
