import ConcordModel

/// A token of a segment as the fuzzy matcher compares it.
public struct MatchToken: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case word, number, code, punctuation }

    public let kind: Kind
    /// What is compared: the folded word, or a typed placeholder for numbers and codes.
    public let key: String
    /// The text as written (the number's digits, the code's native text), for substitution and explanations.
    public let written: String
}
