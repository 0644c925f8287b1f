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

    private static func words(_ text: String) -> [String] {
        text.lowercased().replacingOccurrences(of: "ё", with: "е").split(whereSeparator: { !$0.isLetter }).map(String.init)
    }
}
