import ConcordModel
import ConcordText

/// Turns text into the tokens the recogniser matches, the same way for
/// glossary terms and for the text searched:
///
/// - folding (ConcordText): NFKC with case folding, dashes, spaces, ё→е, traditional→simplified;
/// - words split at hyphens and spaces, each Han or kana character its own token,
///   other punctuation kept as tokens so no term spans a sentence end;
/// - Russian and the other Snowball languages: stems; English: light inflection only
///   (plural and possessive), so `states`/`stated` stay apart;
/// - acronyms (two or more capitals, as written) also get a case-sensitive key.
final class TermNormalizer {
    let language: LanguageTag
    private let folder: TextFolder
    private let stemmer: Stemmer?
    private let isEnglish: Bool
    private var cache: [ByteKey: String] = [:]

    init(language: LanguageTag) throws {
        self.language = language
        folder = try TextFolder()
        isEnglish = language.language == "en"
        stemmer = isEnglish ? nil : (Stemmer.isAvailable(for: language.canonical) ? try Stemmer(language: language.canonical) : nil)
    }

    /// The tokens of `text`, with ranges in `text`'s Unicode scalars.
    func tokens(of text: String) throws -> [TermToken] {
        if let tokens = simpleTokens(text) { return tokens }
        return try generalTokens(of: text)
    }

    /// The tokens through ICU folding: any text.
    func generalTokens(of text: String) throws -> [TermToken] {
        let folded = try folder.fold(text)
        let original = Array(text.unicodeScalars)
        let scalars = Array(folded.text.unicodeScalars)
        var tokens: [TermToken] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let kind = Self.kind(of: scalar)
            switch kind {
            case .space, .joiner:
                index += 1
            case .ideograph, .punctuation:
                let range = folded.originalRange(of: index..<index + 1)
                tokens.append(TermToken(key: String(scalar), acronymKey: nil, range: range))
                index += 1
            case .word:
                var end = index + 1
                while end < scalars.count {
                    let next = Self.kind(of: scalars[end])
                    if next == .word { end += 1; continue }
                    // An apostrophe inside a word ("Council's", "d'Ivoire") belongs to it.
                    if Self.isApostrophe(scalars[end]), end + 1 < scalars.count, Self.kind(of: scalars[end + 1]) == .word { end += 2; continue }
                    break
                }
                let range = folded.originalRange(of: index..<end)
                let word = String(String.UnicodeScalarView(scalars[index..<end]))
                let written = String(String.UnicodeScalarView(original[range.clamped(to: 0..<original.count)]))
                tokens.append(TermToken(key: normalize(word), acronymKey: Self.isAcronym(written) ? "=" + written : nil, range: range, word: word,
                                        capitalized: written.unicodeScalars.first?.properties.isUppercase ?? false))
                index = end
            }
        }
        return tokens
    }

    /// The same tokens for text in ASCII and the Russian alphabet — most of an English–Russian
    /// memory — straight from the UTF-8 bytes: folding is then lower-casing and ё → е, which is
    /// what the general path's NFKC case folding gives for these letters. Any other character
    /// (a dash, a guillemet, another script) leaves the work to the general path (nil).
    func simpleTokens(_ text: String) -> [TermToken]? {
        var text = text
        return text.withUTF8 { bytes -> [TermToken]? in
            var tokens: [TermToken] = []
            var index = 0, scalarIndex = 0
            var folded: [UInt8] = [], written: [UInt8] = []
            while index < bytes.count {
                guard let letter = SimpleLetter(bytes, at: index) else {
                    let byte = bytes[index]
                    guard byte < 0x80 else { return nil }
                    if !(byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x2D || byte == 0x2F) {
                        tokens.append(TermToken(key: String(UnicodeScalar(byte)), acronymKey: nil, range: scalarIndex..<scalarIndex + 1))
                    }
                    index += 1
                    scalarIndex += 1
                    continue
                }
                // A word: letters and digits, with an apostrophe inside ("Council's").
                let start = scalarIndex
                var capitals = 0, lowercase = 0, hasApostrophe = false
                folded.removeAll(keepingCapacity: true)
                written.removeAll(keepingCapacity: true)
                var current: SimpleLetter? = letter
                while let piece = current {
                    piece.appendFolded(to: &folded)
                    written.append(contentsOf: bytes[index..<index + piece.length])
                    if piece.isUppercase { capitals += 1 } else if piece.isLowercase { lowercase += 1 }
                    index += piece.length
                    scalarIndex += 1
                    current = SimpleLetter(bytes, at: index)
                    if current == nil, index + 1 < bytes.count, bytes[index] == 0x27, let after = SimpleLetter(bytes, at: index + 1) {
                        folded.append(0x27)
                        written.append(0x27)
                        hasApostrophe = true
                        index += 1
                        scalarIndex += 1
                        current = after
                    }
                }
                let word = String(decoding: folded, as: UTF8.self)
                let acronym = capitals >= 2 && lowercase == 0 && !hasApostrophe ? "=" + String(decoding: written, as: UTF8.self) : nil
                tokens.append(TermToken(key: normalize(word), acronymKey: acronym, range: start..<scalarIndex, word: word,
                                        capitalized: letter.isUppercase))
            }
            return tokens
        }
    }

    /// Other keys a glossary word may be met under. Snowball's Russian stemmer
    /// reads a noun in the nominative that ends like a gerund as one
    /// (`устав` → `уст`, but `уставом` → `устав`): a term word ending in a
    /// consonant is also indexed under the stems of its inflected forms. A noun in
    /// -а/-я gives other stems in other cases (`ассамблея` → `ассамбле`, but
    /// `ассамблеи`, `ассамблее` → `ассамбл`): it is indexed under those too.
    func alternativeKeys(for word: String) -> [String] {
        guard language.language == "ru", let stemmer, word.count >= 4, let last = word.last, last.isLetter else { return [] }
        let primary = normalize(word)
        var forms: [String] = []
        if !"аеёиоуыэюяйь".contains(last) {
            // Иран → ира, but Ираном → иран: every case of a noun in a consonant.
            forms = ["а", "у", "ом", "е", "ы"].map { word + $0 }
        } else if last == "а" || last == "я" {
            let base = String(word.dropLast())
            forms = ["и", "е", "ю", "ей", "ой", "ы", "у"].map { base + $0 }
        } else if last == "й" || last == "ь" {
            // Китай → кита, but Китая → кит.
            let base = String(word.dropLast())
            forms = ["я", "ю", "ем", "е", "и"].map { base + $0 }
        }
        var keys: [String] = []
        for form in forms {
            let stem = stemmer.stem(form)
            if stem != primary, stem.count >= 3, !keys.contains(stem) { keys.append(stem) }
        }
        return keys
    }

    /// The comparison key of a folded word.
    private func normalize(_ word: String) -> String {
        if let cached = cache[ByteKey(word)] { return cached }
        var key = word
        if isEnglish {
            key = Self.lightInflection(word)
        } else if let stemmer {
            let stem = stemmer.stem(word)
            // A very short stem says too little; keep the word.
            key = stem.count >= 3 ? stem : word
        }
        if cache.count < 200_000 { cache[ByteKey(word)] = key }
        return key
    }

    /// English plural and possessive endings removed: precursors → precursor,
    /// Council's → council, countries → country; "stated" is left alone.
    static func lightInflection(_ word: String) -> String {
        var word = Substring(word)
        if word.hasSuffix("'s") || word.hasSuffix("’s") { word = word.dropLast(2) } else if word.hasSuffix("s'") || word.hasSuffix("s’") { word = word.dropLast() }
        if word.count > 4, word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.count > 4, word.hasSuffix("sses") || word.hasSuffix("xes") || word.hasSuffix("ches") || word.hasSuffix("shes") || word.hasSuffix("zes") {
            return String(word.dropLast(2))
        }
        if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is") {
            return String(word.dropLast())
        }
        return String(word)
    }

    /// Two or more letters, all capitals (digits allowed): SCO, RATS, ООН, G20.
    static func isAcronym(_ word: String) -> Bool {
        var letters = 0
        for scalar in word.unicodeScalars {
            if scalar.properties.isAlphabetic {
                guard scalar.properties.isUppercase else { return false }
                letters += 1
            } else if scalar.properties.numericType == nil {
                return false
            }
        }
        return letters >= 2
    }

    enum Kind: Equatable { case word, ideograph, punctuation, space, joiner }

    static func kind(of scalar: Unicode.Scalar) -> Kind {
        let value = scalar.value
        if value < 0x80 {
            if (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39) { return .word }
            if value == 0x20 || value == 0x09 || value == 0x0A || value == 0x0D { return .space }
            if value == 0x2D || value == 0x2F { return .joiner } // hyphenated compounds split; "A/B" too
            return .punctuation
        }
        let properties = scalar.properties
        if properties.isWhitespace { return .space }
        if value == 0x00AD || value == 0x200B || value == 0x200C || value == 0x200D || value == 0x2060 { return .joiner }
        switch Script(of: scalar) {
        case .han, .kana: return .ideograph
        default: break
        }
        if properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
            || properties.generalCategory == .spacingMark { return .word }
        if properties.generalCategory == .dashPunctuation { return .joiner }
        return .punctuation
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}"
    }
}
