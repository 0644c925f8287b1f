/// A string held as UTF-16 code units (what ICU reads), with conversion of
/// UTF-16 offsets to the Unicode-scalar offsets of Concord's CLI contract.
public struct UTF16Text: Sendable {
    /// The text's code units.
    public let units: [UInt16]
    /// scalarOffsets[i] is the scalar offset of UTF-16 offset i (count + 1 entries);
    /// nil when every scalar is one code unit, so the offsets are the same.
    private let scalarOffsets: [Int32]?

    public init(_ string: String) {
        let units = Array(string.utf16)
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
