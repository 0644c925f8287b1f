import ConcordModel

/// The lenient tests `missing-term` applies before it reports anything: an editor wants real
/// omissions, not every sentence where a term appears in another word class or inside a name.
enum LooseMatch {
    /// The hit is preceded by a capitalised word, or by `and`/`&` after one, or followed by a
    /// capitalised word: part of a longer proper name (`Peace and Security Council`, `United Nations
    /// Mission in Liberia`, `UN-Women`), which the glossary may well not mean.
    static func isInsideLongerName(_ range: Range<Int>, in text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard range.lowerBound <= scalars.count, scalars.indices.contains(range.lowerBound),
              scalars[range.lowerBound].properties.isUppercase else { return false }
        var after = range.upperBound
        while after < scalars.count, scalars[after] == " " || scalars[after] == "-" || scalars[after] == "\u{A0}" { after += 1 }
        if after > range.upperBound, after < scalars.count, scalars[after].properties.isUppercase { return true }
        var words = precedingWords(scalars, before: range.lowerBound, count: 2)
        guard let last = words.popLast() else { return false }
        if ["and", "&"].contains(last) { return words.last.map(isCapitalised) ?? false }
        return isCapitalised(last) && !["The", "A", "An", "In", "On", "By", "Of"].contains(last)
    }

    private static func precedingWords(_ scalars: [Unicode.Scalar], before position: Int, count: Int) -> [String] {
        var words: [String] = []
        var index = position - 1
        while words.count < count {
            while index >= 0, scalars[index] == " " || scalars[index] == "\u{A0}" { index -= 1 }
            let end = index + 1
            while index >= 0, scalars[index].properties.isAlphabetic || scalars[index] == "&" { index -= 1 }
            guard end > index + 1, index < 0 || scalars[index] == " " || scalars[index] == "\u{A0}" else { break }
            words.insert(String(String.UnicodeScalarView(scalars[(index + 1)..<end])), at: 0)
            if index < 0 { break }
        }
        return words
    }

    private static func isCapitalised(_ word: String) -> Bool { word.unicodeScalars.first?.properties.isUppercase ?? false }

    /// The term is there in another form: every word of four letters or more of `term` begins a
    /// word of `text` (its first letters, the last three left for endings) or, for a long word,
    /// stands inside one (`терроризм` in `контртеррористического`); an acronym begins an adjective
    /// made from it (`ООН` → `ооновскими`); of a hyphenated compound (`государства-члены`) the head
    /// word is enough (`входящих в него государств`).
    static func wordsPresent(of term: String, in text: String) -> Bool {
        let textWords = words(text)
        if term.count >= 3, term.count <= 6, term.allSatisfy({ $0.isUppercase }) {
            return textWords.contains { $0.hasPrefix(term.lowercased()) && $0.count > term.count }
        }
        var significant = words(term).filter { $0.count >= 4 }
        if term.contains(where: { $0 == "-" }), let head = significant.first { significant = [head] }
        guard !significant.isEmpty else { return false }
        return significant.allSatisfy { word in
            let prefix = String(word.prefix(word.count <= 5 ? word.count : max(5, word.count - 3)))
            return textWords.contains { $0.hasPrefix(prefix) || (prefix.count >= 6 && $0.contains(prefix)) }
        }
    }

    /// The hit modifies the noun after it (`counter-terrorism capacity`, `peacekeeping operations`):
    /// the next word is a lower-case word that is not a function word. Such a term is often
    /// rendered by an adjective made from the term's noun (`контртеррористического потенциала`).
    static func isAttributive(_ range: Range<Int>, in text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        var index = range.upperBound
        guard index < scalars.count, scalars[index] == " " || scalars[index] == "\u{A0}" else { return false }
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\u{A0}" { index += 1 }
        let start = index
        while index < scalars.count, scalars[index].properties.isAlphabetic { index += 1 }
        let word = String(String.UnicodeScalarView(scalars[start..<index]))
        guard word.count >= 3, word.unicodeScalars.first?.properties.isLowercase == true else { return false }
        return !functionWords.contains(word)
    }

    private static let functionWords: Set<String> = [
        "and", "or", "but", "nor", "of", "in", "to", "for", "by", "with", "from", "into", "onto", "on", "at", "as", "than",
        "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those", "which", "who", "whose",
        "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "shall", "should", "can", "could",
        "may", "might", "must", "not", "also", "under", "over", "against", "between", "among", "through", "within", "without",
        "during", "including", "such", "all", "both", "each", "other", "there", "here", "where", "when", "while",
    ]

    /// A long word of `term` (seven letters or more, its ending left aside) stands inside a word
    /// of `text`: the adjective made from the term's noun (`терроризму` → `контртеррористического`).
    static func derivedAdjectivePresent(of term: String, in text: String) -> Bool {
        let textWords = words(text)
        return words(term).filter { $0.count >= 7 }.contains { word in
            let stem = String(word.prefix(word.count - 3))
            return textWords.contains { $0.count > stem.count + 2 && $0.contains(stem) && isAdjectival($0) }
        }
    }

    /// Endings only adjectives have (Russian): `-ого`, `-ому`, `-ый`, `-ая`, `-ые`, `-ими` ….
    private static func isAdjectival(_ word: String) -> Bool {
        ["ий", "ый", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ую", "юю", "ых", "их", "ыми", "ими"]
            .contains { word.hasSuffix($0) } && !word.hasSuffix("ние") && !word.hasSuffix("тие")   // отмывание, развитие: nouns
    }

    /// The target speaks of the speaker's own country (`нашей страны`, `我国`, `our country`):
    /// how a delegation's statement renders its country's name the second time.
    static func speaksOfOwnCountry(_ text: String, language: LanguageTag) -> Bool {
        let lowered = text.lowercased()
        let phrases: [String] = switch language.language {
        case "ru": ["нашей стран", "наша стран", "нашу стран", "нашем стран", "моей стран", "моя стран", "мою стран", "моем стран"]
        case "zh": ["我国", "本国"]
        case "en": ["our country", "my country"]
        case "fr": ["notre pays", "mon pays"]
        case "es": ["nuestro país", "mi país"]
        case "de": ["unser land", "unseres landes", "mein land"]
        default: []
        }
        return phrases.contains { lowered.contains($0) }
    }

    private static func words(_ text: String) -> [String] {
        String(text.lowercased().map { $0 == "ё" ? "е" : $0 }).split(whereSeparator: { !$0.isLetter }).map(String.init)
    }
}
