/// The content of one language variant: text runs and inline codes, in order.
/// White space is data: a segment is never trimmed or normalised.
public struct Segment: Hashable, Sendable, ExpressibleByStringLiteral {
    public var parts: [SegmentPart]

    public init(parts: [SegmentPart]) {
        self.parts = parts
    }

    /// A segment of plain text.
    public init(_ text: String) {
        parts = text.isEmpty ? [] : [.text(text)]
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// The text a translator reads: text runs and highlighted (`hi`) text; the
    /// content of native codes and of `sub` elements is left out.
    public var plainText: String {
        var result = ""
        Self.appendPlainText(parts, to: &result)
        return result
    }

    private static func appendPlainText(_ parts: [SegmentPart], to result: inout String) {
        for part in parts {
            switch part {
            case let .text(text): result += text
            case let .code(code) where code.kind == .hi: appendPlainText(code.content, to: &result)
            case .code: break
            }
        }
    }

    /// The kinds of inline elements in document order (outside native code).
    public var codeKinds: [InlineKind] {
        var kinds: [InlineKind] = []
        Self.appendKinds(parts, to: &kinds)
        return kinds
    }

    private static func appendKinds(_ parts: [SegmentPart], to kinds: inout [InlineKind]) {
        for case let .code(code) in parts {
            kinds.append(code.kind)
            if code.kind == .hi { appendKinds(code.content, to: &kinds) }
        }
    }

    /// Identity for matching and duplicates (TMX's Level 2 equality rule):
    /// the same plain text and the same sequence of inline element kinds.
    /// Different native codes for the same role (`{\b ` vs `<B>`) still compare equal.
    public var comparisonKey: ComparisonKey {
        ComparisonKey(text: plainText, codes: codeKinds)
    }

    /// True when the segment holds nothing but codes and white space.
    public var isCodesOnly: Bool {
        plainText.allSatisfy(\.isWhitespace)
    }

    /// Every inline element, nested ones included, in document order.
    public var allCodes: [InlineCode] {
        var result: [InlineCode] = []
        func walk(_ parts: [SegmentPart]) {
            for case let .code(code) in parts {
                result.append(code)
                walk(code.content)
            }
        }
        walk(parts)
        return result
    }
}

/// A segment's identity for matching: plain text plus code kinds.
public struct ComparisonKey: Hashable, Sendable {
    public let text: String
    public let codes: [InlineKind]
}
