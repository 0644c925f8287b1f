/// The kinds of TMX inline element (Level 2 content markup).
public enum InlineKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Begins a paired native code (`i` pairs it with its `ept`).
    case bpt
    /// Ends a paired native code.
    case ept
    /// An isolated begin or end code whose partner is in another segment (`pos`).
    case it
    /// A standalone code: image, line break, footnote call.
    case ph
    /// Highlighted text (a term, a proper name): markup over text, not a native code.
    case hi
    /// Translatable text inside native code (footnote text, an ALT attribute).
    case sub
    /// Deprecated "unknown tag"; read, kept, never preferred.
    case ut
}

/// One inline element of a segment, with its attributes in document order
/// and its content (native code text and `sub` elements, or for `hi` the
/// highlighted text).
public struct InlineCode: Hashable, Sendable {
    public var kind: InlineKind
    /// Attributes as written (`i`, `x`, `type`, `pos`, `assoc`, `datatype`, ...), in order.
    public var attributes: [Attribute]
    public var content: [SegmentPart]

    public init(kind: InlineKind, attributes: [Attribute] = [], content: [SegmentPart] = []) {
        self.kind = kind
        self.attributes = attributes
        self.content = content
    }

    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The native code as written: the text of the content, `sub` elements included.
    public var nativeCode: String {
        content.map { part -> String in
            switch part {
            case let .text(text): return text
            case let .code(code): return code.nativeCode
            }
        }.joined()
    }
}

/// A name/value pair kept in document order.
public struct Attribute: Hashable, Sendable, Codable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// A piece of a segment: a run of text or an inline element.
public enum SegmentPart: Hashable, Sendable {
    case text(String)
    case code(InlineCode)
}
