import ConcordModel

/// The words that show a text is about a glossary's subject field: the words of the field's
/// terms in one language that no other field's terms use (`drug control`: drugs, narcotic,
/// trafficking, psychotropic, chemicals …). A single common word such as `precursors` is taken
/// in the glossary's sense only where the text shows its field.
struct SenseCues: Sendable {
    private var wordsByField: [String: Set<String>] = [:]

    init(glossaries: [Glossary], language: LanguageTag) {
        var fieldsByWord: [String: Set<String>] = [:]
        for concept in glossaries.flatMap(\.concepts) {
            guard let field = concept.subjectField else { continue }
            for term in concept.terms where term.language.language == language.language {
                for word in Self.words(term.text) where word.count >= 4 { fieldsByWord[word, default: []].insert(field) }
            }
        }
        for (word, fields) in fieldsByWord where fields.count == 1 { wordsByField[fields.first!, default: []].insert(word) }
    }

    /// Whether `text` has a word of `field`'s vocabulary other than the term itself (`ownWord`).
    func showsField(_ field: String, in text: String, besides ownWord: String) -> Bool {
        guard let cues = wordsByField[field] else { return false }
        let own = ownWord.lowercased().prefix(max(4, ownWord.count - 3))
        return Self.words(text).contains { word in
            !word.hasPrefix(own) && cues.contains { cue in !cue.hasPrefix(own) && word.hasPrefix(cue.prefix(max(4, cue.count - 2))) }
        }
    }

    private static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
    }
}
