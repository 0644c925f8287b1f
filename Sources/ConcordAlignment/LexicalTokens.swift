/// The words a lexicon learned from a document pair is made of: in alphabetic text, each word
/// of two letters or more, lower-cased and cut to its first six letters (a stem that serves
/// inflected languages without a stemmer per language); in Chinese and Japanese, written without
/// spaces, each ideograph or kana on its own. Digits are left to the number anchors.
enum LexicalTokens {
    static let stemLength = 6

    /// A token packed into two integers (three 21-bit scalars each), so that numbering a
    /// document's words hashes no strings.
    struct Token: Hashable, Sendable {
        var high: UInt64 = 0
        var low: UInt64 = 0

        mutating func append(_ scalar: UInt32, at position: Int) {
            if position < 3 { high |= UInt64(scalar) << (21 * UInt64(position)) } else { low |= UInt64(scalar) << (21 * UInt64(position - 3)) }
        }
    }

    static func split(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var word = Token()
        var letters = 0
        func endWord() {
            if letters >= 2 { tokens.append(word) }
            word = Token()
            letters = 0
        }
        for scalar in text.unicodeScalars {
            if isIdeographic(scalar) {
                endWord()
                var single = Token()
                single.append(scalar.value, at: 0)
                tokens.append(single)
            } else if isLetter(scalar) {
                if letters < stemLength { word.append(lowercased(scalar), at: letters) }
                letters += 1
            } else {
                endWord()
            }
        }
        endWord()
        return tokens
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
        if (0x0410...0x044F).contains(value) { return true }
        return scalar.properties.isAlphabetic
    }

    /// The lower-case form (its first scalar), with the common Latin and Cyrillic letters
    /// answered without a look in ICU's tables.
    private static func lowercased(_ scalar: Unicode.Scalar) -> UInt32 {
        let value = scalar.value
        switch value {
        case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE, 0x0410...0x042F: return value + 0x20
        case 0x0400...0x040F: return value + 0x50
        case 0...0x7F, 0xDF...0xFF, 0x0430...0x045F: return value
        default: return scalar.properties.lowercaseMapping.unicodeScalars.first?.value ?? value
        }
    }

    /// Han ideographs, hiragana and katakana: scripts written without spaces between words.
    static func isIdeographic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }
}
