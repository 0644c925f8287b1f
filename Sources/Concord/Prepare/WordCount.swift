/// Words as memoQ and Trados count them for an analysis: runs of letters and digits; a
/// hyphenated compound (`Secretary-General`), a word with an apostrophe (`SCO's`) and a number
/// with separators (`1,000`, `2.5`) one word each; a no-break space separates like a space;
/// in Chinese and Japanese, each character is a word.
public enum WordCount {
    public static func count(_ text: String) -> Int {
        let scalars = Array(text.unicodeScalars)
        var words = 0
        var inWord = false
        for (index, scalar) in scalars.enumerated() {
            if isIdeographic(scalar) {
                words += 1
                inWord = false
            } else if isAlphanumeric(scalar) {
                if !inWord { words += 1 }
                inWord = true
            } else if inWord, joins(scalar, before: index + 1 < scalars.count ? scalars[index + 1] : nil, after: scalars[index - 1]) {
                continue
            } else {
                inWord = false
            }
        }
        return words
    }

    /// A hyphen or apostrophe between letters or digits, or a thousands or decimal separator between digits, keeps a word whole.
    private static func joins(_ scalar: Unicode.Scalar, before next: Unicode.Scalar?, after previous: Unicode.Scalar) -> Bool {
        guard let next, isAlphanumeric(next) else { return false }
        switch scalar {
        case "-", "\u{2010}", "\u{2011}", "'", "\u{2019}": return true
        case ",", ".": return isDigit(previous) && isDigit(next)
        default: return false
        }
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.numericType == .decimal }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            return (0x30...0x39).contains(scalar.value) || (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
        }
        return scalar.properties.isAlphabetic || isDigit(scalar)
    }

    private static func isIdeographic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }
}
