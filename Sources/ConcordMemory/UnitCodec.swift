import ConcordModel

/// How a memory store keeps a unit losslessly: the store treats the bytes as
/// opaque; Concord supplies a codec that writes each unit as its own TMX.
public protocol UnitCodec: Sendable {
    func encode(_ unit: TranslationUnit) throws -> [UInt8]
    func decode(_ bytes: [UInt8]) throws -> TranslationUnit
    /// Many units at once, in order (a codec may do this far faster than one by one).
    func decode(batch: [[UInt8]]) throws -> [TranslationUnit]
}

extension UnitCodec {
    public func decode(batch: [[UInt8]]) throws -> [TranslationUnit] {
        try batch.map(decode)
    }
}

/// Token ids as stored in a variant row: LEB128 variable-length integers,
/// mostly one or two bytes a token.
enum TokenBlob {
    static func encode(_ ids: [Int32]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(ids.count * 2)
        for id in ids {
            var value = UInt32(bitPattern: id)
            while value >= 0x80 {
                bytes.append(UInt8(value & 0x7F) | 0x80)
                value >>= 7
            }
            bytes.append(UInt8(value))
        }
        return bytes
    }

    /// Decodes into `ids` (emptied first); false when the bytes are not a whole sequence.
    static func decode(_ bytes: UnsafeRawBufferPointer, into ids: inout [Int32]) -> Bool {
        ids.removeAll(keepingCapacity: true)
        var value: UInt32 = 0
        var shift: UInt32 = 0
        for byte in bytes {
            guard shift < 32 else { return false }
            value |= UInt32(byte & 0x7F) << shift
            if byte & 0x80 == 0 {
                ids.append(Int32(bitPattern: value))
                value = 0
                shift = 0
            } else {
                shift += 7
            }
        }
        return shift == 0
    }
}

/// A 64-bit FNV-1a hash: stable across runs and machines (Swift's Hasher is
/// seeded per process), for the duplicate-key column.
enum StableHash {
    static func of(_ text: String) -> Int64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01B3
            }
        }
        return Int64(bitPattern: hash)
    }
}
