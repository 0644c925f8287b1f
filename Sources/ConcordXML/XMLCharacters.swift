/// XML 1.0's Char production.
public enum XMLCharacters {
    /// True for code points XML 1.0 allows: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
    @inline(__always)
    public static func isAllowed(_ value: UInt32) -> Bool {
        if value >= 0x20 { return value <= 0xD7FF || (value >= 0xE000 && value <= 0xFFFD) || value >= 0x10000 }
        return value == 0x9 || value == 0xA || value == 0xD
    }
}
