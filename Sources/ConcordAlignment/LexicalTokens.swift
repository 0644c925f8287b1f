/// The words a lexicon learned from a document pair is made of: in alphabetic text, each word
/// of two letters or more, lower-cased and cut to its first six letters (a stem that serves
/// inflected languages without a stemmer per language); in Chinese and Japanese, written without
/// spaces, each ideograph or kana on its own. Digits are left to the number anchors.
enum LexicalTokens {
    static let stemLength = 6

    static func split(_ text: String) -> [Substring] {
        let lowered = text.lowercased()
        var tokens: [Substring] = []
        var start: String.Index?
        var letters = 0
        func endWord() {
            if let wordStart = start, letters >= 2 {
                tokens.append(lowered[wordStart..<(lowered.index(wordStart, offsetBy: min(letters, stemLength)))])
            }
            start = nil
            letters = 0
        }
        var index = lowered.startIndex
        while index < lowered.endIndex {
            let character = lowered[index]
            let next = lowered.index(after: index)
            if let scalar = character.unicodeScalars.first, isIdeographic(scalar) {
                endWord()
                tokens.append(lowered[index..<next])
            } else if character.isLetter {
                if start == nil { start = index }
                letters += 1
            } else {
                endWord()
            }
            index = next
        }
        endWord()
        return tokens
    }

    /// Han ideographs, hiragana and katakana: scripts written without spaces between words.
    static func isIdeographic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }
}
