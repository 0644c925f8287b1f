import ConcordModel

/// A document as Concord reads it for translation: its text as extracted and
/// the paragraphs in it. Segment offsets point into `text`.
public struct TextDocument: Sendable {
    /// One paragraph: a scalar range of `text`.
    public struct Paragraph: Sendable, Equatable {
        public var range: Range<Int>
        /// True when line breaks inside the paragraph only wrap it (they do not end sentences).
        public var isWrapped: Bool
        /// The same range in UTF-8 bytes of `text`, when the reader knows it (a fast way to cut it out).
        public var utf8Range: Range<Int>?

        public init(range: Range<Int>, isWrapped: Bool = false, utf8Range: Range<Int>? = nil) {
            self.range = range
            self.isWrapped = isWrapped
            self.utf8Range = utf8Range
        }
    }

    public var text: String
    public var paragraphs: [Paragraph]
    /// Inline markup inside paragraphs (HTML `<b>`, `<a href>`, `<br>`…) at the scalar offset of
    /// `text` where it stood, in document order: what a CAT tool shows as tags.
    public var inlineTags: [PositionedTag]

    public init(text: String, paragraphs: [Paragraph], inlineTags: [PositionedTag] = []) {
        self.text = text
        self.paragraphs = paragraphs
        self.inlineTags = inlineTags
    }
}

/// An inline tag and where it stands in a document's extracted text.
public struct PositionedTag: Sendable, Equatable {
    public var offset: Int
    public var tag: InlineTag

    public init(offset: Int, tag: InlineTag) {
        self.offset = offset
        self.tag = tag
    }
}

/// The kinds of documents Concord segments.
public enum DocumentFormat: String, CaseIterable, Sendable {
    case txt, md, html

    /// The format a path's extension names (`.txt`, `.text`, `.md`, `.markdown`, `.html`, `.htm`, `.xhtml`).
    public init?(path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix(".txt") || lower.hasSuffix(".text") { self = .txt }
        else if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { self = .md }
        else if lower.hasSuffix(".html") || lower.hasSuffix(".htm") || lower.hasSuffix(".xhtml") { self = .html }
        else { return nil }
    }
}
