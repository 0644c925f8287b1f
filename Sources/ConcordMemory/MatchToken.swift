import ConcordModel

/// A token of a segment as the fuzzy matcher compares it.
public struct MatchToken: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case word, number, code, punctuation }

    public let kind: Kind
    /// What is compared: the folded word, or a typed placeholder for numbers and codes.
    public let key: String
    /// The text as written (the number's digits, the code's native text), for substitution and explanations.
    public let written: String

    /// True for a punctuation mark (Unicode category P*): left out of the fuzzy score, so that a comma
    /// for a semicolon or a missing full stop costs 1 point (the exact-match deductions), not 9.
    /// Symbols (`%`, `$`, `+`) stay in: they change what a sentence says.
    public var isIgnoredByFuzzyScore: Bool {
        kind == .punctuation && Self.isPunctuationKey(key)
    }

    /// True when `key` is one punctuation mark.
    static func isPunctuationKey(_ key: String) -> Bool {
        let scalars = key.unicodeScalars
        guard let scalar = scalars.first, scalars.count == 1 else { return false }
        return isPunctuation(scalar)
    }

    /// The same for a key as UTF-8 bytes (the tokenizer's fast paths make no string).
    static func isPunctuationKey(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = key.first else { return false }
        if first < 0x80 { return key.count == 1 && asciiPunctuation[Int(first)] }
        var decoder = UTF8()
        var iterator = key.makeIterator()
        guard case let .scalarValue(scalar) = decoder.decode(&iterator), case .emptyInput = decoder.decode(&iterator) else { return false }
        return isPunctuation(scalar)
    }

    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    /// ASCII punctuation marks (P*), by byte.
    private static let asciiPunctuation: [Bool] = (0..<128).map { isPunctuation(Unicode.Scalar(UInt8($0))) }
}
