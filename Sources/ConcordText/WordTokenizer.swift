/// A word-level token found by ICU word-boundary analysis.
public struct WordToken: Equatable, Sendable {
    /// What ICU says the token is.
    public enum Kind: Equatable, Sendable {
        case letters, number, kana, ideographic
        /// Spaces and punctuation (ICU's "none" status).
        case other
    }

    public let text: Substring
    /// Unicode-scalar offsets into the tokenised string.
    public let range: Range<Int>
    public let kind: Kind

    /// True for tokens made of letters, digits or ideographs.
    public var isWordLike: Bool { kind != .other }
}

/// Splits text into words, numbers and other pieces with ICU word boundaries.
public final class WordTokenizer {
    private let iterator: BoundaryIterator

    public init(locale: String) throws {
        iterator = try BoundaryIterator(kind: .word, locale: locale)
    }

    /// Every token, spaces and punctuation included, in order.
    public func tokens(in text: String) throws -> [WordToken] {
        let utf16 = UTF16Text(text)
        let points = try iterator.boundaries(in: utf16)
        var tokens: [WordToken] = []
        tokens.reserveCapacity(points.count)
        var scalarIndex = text.unicodeScalars.startIndex
        var scalarPosition = 0
        for (start, end) in zip(points, points.dropFirst()) {
            let from = utf16.scalarOffset(ofUTF16: start.offset)
            let to = utf16.scalarOffset(ofUTF16: end.offset)
            let lower = scalarIndex
            let upper = text.unicodeScalars.index(lower, offsetBy: to - scalarPosition)
            scalarIndex = upper
            scalarPosition = to
            let kind: WordToken.Kind
            switch end.status {
            case 100..<200: kind = .number
            case 200..<300: kind = .letters
            case 300..<400: kind = .kana
            case 400..<500: kind = .ideographic
            default: kind = .other
            }
            tokens.append(WordToken(text: Substring(text.unicodeScalars[lower..<upper]), range: from..<to, kind: kind))
        }
        return tokens
    }
}
