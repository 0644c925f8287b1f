/// A token of text or of a term, as the recogniser compares them.
struct TermToken: Equatable {
    /// The comparison key: folded, then stemmed or lightly inflected by language.
    let key: String
    /// The case-sensitive key of an acronym token ("=SCO"), when the token is one.
    let acronymKey: String?
    /// Unicode-scalar range in the original text.
    let range: Range<Int>
    /// The folded word (for alternative keys of glossary terms).
    var word: String = ""
    /// The word as written starts with a capital letter.
    var capitalized = false

    /// The key a capitalised glossary word is indexed under, and that a capitalised
    /// text word also offers: proper names (`Совет Безопасности`) need their capitals
    /// in the text too, so `Совет безопасности Казахстана` is not the UN body.
    var capitalKey: String { "^" + key }
}
