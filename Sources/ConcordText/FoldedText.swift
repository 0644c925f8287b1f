/// Text folded for matching, with the way back to the original.
///
/// `originalOffsets` has one entry per scalar of `text` plus one for its end:
/// the scalar offset in the original string where that folded scalar came from.
/// A folded range `a..<b` maps back to `originalOffsets[a]..<originalOffsets[b]`.
public struct FoldedText: Equatable, Sendable {
    /// The folded text.
    public let text: String
    /// Original scalar offset of each folded scalar, plus the original length at the end.
    public let originalOffsets: [Int]

    public init(text: String, originalOffsets: [Int]) {
        self.text = text
        self.originalOffsets = originalOffsets
    }

    /// The original scalar range that a folded scalar range came from.
    public func originalRange(of foldedRange: Range<Int>) -> Range<Int> {
        let start = originalOffsets[foldedRange.lowerBound]
        // The end maps to the start of the scalar after the range, so an
        // expansion (ß → ss) maps back to its whole source scalar.
        var end = originalOffsets[foldedRange.upperBound]
        if end <= start && foldedRange.upperBound > foldedRange.lowerBound {
            end = originalOffsets[originalOffsets.count - 1]
        }
        return start..<end
    }
}
