/// A string held as UTF-16 code units (what ICU reads), with conversion of
/// UTF-16 offsets to the Unicode-scalar offsets of Concord's CLI contract.
public struct UTF16Text: Sendable {
    /// The text's code units.
    public let units: [UInt16]
    /// scalarOffsets[i] is the scalar offset of UTF-16 offset i (count + 1 entries);
    /// nil when every scalar is one code unit, so the offsets are the same.
    private let scalarOffsets: [Int32]?

    public init(_ string: String) {
        self.init(units: Array(string.utf16))
    }

    /// Text already in UTF-16 code units.
    public init(units: [UInt16]) {
        self.units = units
        // Surrogates are the only way UTF-16 and scalar offsets differ.
        let hasSurrogates = units.withUnsafeBufferPointer { buffer in buffer.contains { $0 & 0xF800 == 0xD800 } }
        if !hasSurrogates {
            scalarOffsets = nil
        } else {
            var offsets = [Int32]()
            offsets.reserveCapacity(units.count + 1)
            var scalar: Int32 = 0
            for unit in units {
                // A trailing surrogate belongs to the scalar its leading half started.
                if UTF16.isTrailSurrogate(unit) {
                    offsets.append(scalar - 1)
                } else {
                    offsets.append(scalar)
                    scalar += 1
                }
            }
            offsets.append(scalar)
            scalarOffsets = offsets
        }
    }

    /// The number of UTF-16 code units.
    public var count: Int { units.count }

    /// The Unicode-scalar offset of a UTF-16 offset.
    @inline(__always)
    public func scalarOffset(ofUTF16 offset: Int) -> Int {
        guard let map = scalarOffsets else { return offset }
        return Int(map[offset])
    }
}

/// UTF-8 to UTF-16 in one pass, keeping where each UTF-16 unit came from in
/// the UTF-8, so that ranges found by ICU can be cut out of the original
/// bytes without transcoding back.
public struct UTF8ToUTF16 {
    public let units: [UInt16]
    /// utf8Offsets[i] is the UTF-8 offset of UTF-16 unit i (count + 1 entries).
    public let utf8Offsets: [Int32]

    /// Converts valid UTF-8 (a Swift string's bytes).
    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        var produced = 0
        var offsets = [Int32](repeating: 0, count: count + 1)
        let units = [UInt16](unsafeUninitializedCapacity: count) { unitBuffer, initialized in
            offsets.withUnsafeMutableBufferPointer { offsetBuffer in
                var index = 0
                var out = 0
                while index < count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        unitBuffer[out] = UInt16(byte)
                        offsetBuffer[out] = Int32(index)
                        out += 1
                        index += 1
                        continue
                    }
                    var scalar: UInt32
                    let length: Int
                    if byte < 0xE0 {
                        scalar = UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                        length = 2
                    } else if byte < 0xF0 {
                        scalar = UInt32(byte & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                        length = 3
                    } else {
                        scalar = UInt32(byte & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                            | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                        length = 4
                    }
                    if scalar >= 0x10000 {
                        scalar -= 0x10000
                        unitBuffer[out] = UInt16(0xD800 + (scalar >> 10))
                        unitBuffer[out + 1] = UInt16(0xDC00 + (scalar & 0x3FF))
                        offsetBuffer[out] = Int32(index)
                        offsetBuffer[out + 1] = Int32(index)
                        out += 2
                    } else {
                        unitBuffer[out] = UInt16(scalar)
                        offsetBuffer[out] = Int32(index)
                        out += 1
                    }
                    index += length
                }
                offsetBuffer[out] = Int32(count)
                produced = out
            }
            initialized = produced
        }
        // UTF-16 never needs more units than UTF-8 has bytes.
        offsets.removeSubrange((produced + 1)...)
        self.units = units
        utf8Offsets = offsets
    }
}
