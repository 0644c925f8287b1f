/// A fast 64-bit checksum of a byte range, for the sections of an index file: four
/// independent multiply-rotate lanes over 8-byte words (so the processor runs them side
/// by side), then the tail and the length mixed in. It finds damage (a flipped bit, a
/// zeroed page, a cut file), not tampering.
struct SectionChecksum {
    private var lanes: (UInt64, UInt64, UInt64, UInt64) = (0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7344,
                                                          0xA409_3822_299F_31D0, 0x082E_FA98_EC4E_6C89)
    private var pending: [UInt8] = []
    private var length = 0

    private static let prime: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// Adds `bytes` (any split of the same bytes gives the same checksum).
    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        length += bytes.count
        var rest = bytes[...]
        if !pending.isEmpty {
            let needed = min(32 - pending.count, rest.count)
            pending += rest.prefix(needed)
            rest = rest.dropFirst(needed)
            guard pending.count == 32 else { return }
            pending.withUnsafeBytes { mix(blocksOf: $0) }
            pending.removeAll(keepingCapacity: true)
        }
        let whole = rest.count / 32 * 32
        mix(blocksOf: UnsafeRawBufferPointer(rebasing: rest.prefix(whole)))
        pending += rest.dropFirst(whole)
    }

    private mutating func mix(blocksOf bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        var (a, b, c, d) = lanes
        var offset = 0
        while offset + 32 <= bytes.count {
            a = Self.round(a, base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            b = Self.round(b, base.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            c = Self.round(c, base.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            d = Self.round(d, base.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
            offset += 32
        }
        lanes = (a, b, c, d)
    }

    @inline(__always)
    private static func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (lane ^ word) &* prime
        return (mixed << 31 | mixed >> 33) &+ word
    }

    /// The checksum of everything added.
    var value: UInt64 {
        var (a, b, c, d) = lanes
        for (index, byte) in pending.enumerated() {
            switch index & 3 {
            case 0: a = Self.round(a, UInt64(byte) | 0x100)
            case 1: b = Self.round(b, UInt64(byte) | 0x100)
            case 2: c = Self.round(c, UInt64(byte) | 0x100)
            default: d = Self.round(d, UInt64(byte) | 0x100)
            }
        }
        var hash = UInt64(length) &* Self.prime
        for lane in [a, b, c, d] { hash = Self.round(hash, lane) }
        hash ^= hash >> 29
        hash &*= 0xBF58_476D_1CE4_E5B9
        return hash ^ (hash >> 32)
    }

    /// The checksum of one byte range.
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var checksum = SectionChecksum()
        checksum.add(bytes)
        return checksum.value
    }
}
