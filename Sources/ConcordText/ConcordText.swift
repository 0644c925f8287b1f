/// ConcordText: ICU and Snowball in Swift terms.
///
/// Sentence and word boundaries (``BoundaryIterator``, ``WordTokenizer``),
/// regular expressions (``RegularExpression``), normalisation (``Normalizer``),
/// folding for matching with an offset map (``TextFolder``), stemming
/// (``Stemmer``), scripts (``Script``) and transforms (``Transliterator``).
/// Offsets in this module's public API are Unicode-scalar offsets unless a
/// name says UTF-16.
public enum ConcordTextInfo {
    /// The ICU sentence-break locale for a BCP 47 language tag. English
    /// gets ICU's abbreviation suppressions (`@ss=standard`); for other languages
    /// they misfire (German suppresses "dar."), and Concord's own rules do the work.
    public static func sentenceLocale(for language: String) -> String {
        let primary = String(language.prefix { $0 != "-" && $0 != "_" }).lowercased()
        let withSuppressions: Set<String> = ["en"]
        return withSuppressions.contains(primary) ? "\(primary)@ss=standard" : primary
    }
}
