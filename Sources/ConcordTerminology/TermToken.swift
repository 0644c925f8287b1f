/// A token of text or of a term, as the recogniser compares them.
struct TermToken {
    /// The comparison key: folded, then stemmed or lightly inflected by language.
    let key: String
    /// The case-sensitive key of an acronym token ("=SCO"), when the token is one.
    let acronymKey: String?
    /// Unicode-scalar range in the original text.
    let range: Range<Int>
    /// The folded word (for alternative keys of glossary terms).
    var word: String = ""
}
