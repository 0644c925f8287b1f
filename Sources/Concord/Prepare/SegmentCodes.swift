import ConcordFormats
import ConcordModel

/// A segment's inline codes, as a CAT tool shows them: from HTML, the markup inside the sentence
/// (tags that wrap the whole sentence, or belong to the sentence before or after, stay in the
/// skeleton); from Markdown, emphasis, code spans and links written in the text.
enum SegmentCodes {
    /// The segment as text and tags, or nil when it has none.
    static func tagged(_ segment: SentenceSegment, format: String, tags: [PositionedTag]) -> TaggedText? {
        switch format {
        case "html": return html(segment, tags: tags)
        case "md": return MarkdownCodes.tagged(segment.text)
        default: return nil
        }
    }

    private static func html(_ segment: SentenceSegment, tags: [PositionedTag]) -> TaggedText? {
        var inside = tags.filter { $0.offset >= segment.start && $0.offset <= segment.end }
        // Closings at the start belong to the sentence before, openings at the end to the one after.
        inside.removeAll { ($0.offset == segment.start && $0.tag.role == .closing) || ($0.offset == segment.end && $0.tag.role == .opening) }
        // A pair around the whole sentence stays in the skeleton.
        while let first = inside.first, first.offset == segment.start, first.tag.role == .opening,
              let partner = inside.lastIndex(where: { $0.tag.id == first.tag.id && $0.tag.role == .closing }), inside[partner].offset == segment.end {
            inside.remove(at: partner)
            inside.removeFirst()
        }
        inside.removeAll { $0.offset == segment.start || $0.offset == segment.end }
        guard !inside.isEmpty else { return nil }
        let scalars = Array(segment.text.unicodeScalars)
        var runs: [TaggedRun] = []
        var cursor = 0
        for positioned in inside {
            let at = min(scalars.count, positioned.offset - segment.start)
            if at > cursor { runs.append(.text(String(String.UnicodeScalarView(scalars[cursor..<at])))) }
            runs.append(.tag(positioned.tag))
            cursor = max(cursor, at)
        }
        if cursor < scalars.count { runs.append(.text(String(String.UnicodeScalarView(scalars[cursor...])))) }
        return TaggedText(runs: runs)
    }

    /// The text a segment's tags are written back as: text (escaped for HTML) and each tag's native code.
    static func render(_ text: TaggedText, format: String) -> String {
        text.runs.map { run -> String in
            switch run {
            case let .text(value): return format == "html" ? ReleaseSkeleton.escapeHTML(value) : value
            case let .tag(tag):
                return tag.nativeCode.map { piece -> String in
                    if case let .code(code) = piece { return code }
                    return ""
                }.joined()
            case let .annotation(annotation): return render(TaggedText(runs: annotation.runs), format: format)
            }
        }.joined()
    }

    /// The pieces of text between tags, in order: what the skeleton looks for in the original.
    static func textPieces(_ text: TaggedText) -> [String] {
        var pieces: [String] = []
        for run in text.runs {
            if case let .text(value) = run, !value.isEmpty { pieces.append(value) }
        }
        return pieces
    }
}
