/// A letter or digit of ASCII or of the Russian alphabet read from UTF-8 bytes, with its case and
/// its folded form: the characters ``TermNormalizer`` tokenises without ICU.
struct SimpleLetter {
    /// The Unicode scalar value.
    let value: UInt32
    /// Its length in UTF-8 bytes (1 or 2).
    let length: Int

    /// The letter or digit at `index`, or nil for anything else.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) {
        guard index < bytes.count else { return nil }
        let byte = bytes[index]
        if byte < 0x80 {
            guard (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) else { return nil }
            value = UInt32(byte)
            length = 1
            return
        }
        guard byte == 0xD0 || byte == 0xD1, index + 1 < bytes.count else { return nil }
        let scalar = (UInt32(byte & 0x1F) << 6) | UInt32(bytes[index + 1] & 0x3F)
        // А–я, and Ё ё.
        guard (0x410...0x44F).contains(scalar) || scalar == 0x401 || scalar == 0x451 else { return nil }
        value = scalar
        length = 2
    }

    var isUppercase: Bool { (value >= 0x41 && value <= 0x5A) || (value >= 0x410 && value <= 0x42F) || value == 0x401 }
    var isLowercase: Bool { (value >= 0x61 && value <= 0x7A) || (value >= 0x430 && value <= 0x44F) || value == 0x451 }

    /// Case folded, ё as е, appended as UTF-8.
    func appendFolded(to bytes: inout [UInt8]) {
        var folded = value
        if (value >= 0x41 && value <= 0x5A) || (value >= 0x410 && value <= 0x42F) { folded += 0x20 }
        if value == 0x401 || value == 0x451 { folded = 0x435 }
        if folded < 0x80 {
            bytes.append(UInt8(folded))
        } else {
            bytes.append(UInt8(0xC0 | (folded >> 6)))
            bytes.append(UInt8(0x80 | (folded & 0x3F)))
        }
    }
}
