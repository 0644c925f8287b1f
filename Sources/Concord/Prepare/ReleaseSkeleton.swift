import Foundation

/// The original release with a marker where each segment's text stands, from which the
/// translated (or draft) release is rebuilt in the original format and layout. Segments are
/// found in the original in order; in HTML also as the markup writes them (`&amp;`, `&nbsp;`).
public struct ReleaseSkeleton: Sendable, Equatable {
    public var text: String
    /// Segments not found in the original (inline markup inside them): rebuilt after their paragraph's last placed segment.
    public var unplaced: [String]

    public init(text: String, unplaced: [String]) {
        self.text = text
        self.unplaced = unplaced
    }

    /// `segments`: each segment's id and the pieces of its text between inline tags, in
    /// document order; the marker takes the place of everything from the first piece to the last.
    public init(original: String, format: String, segments: [(id: String, pieces: [String])]) {
        var result = ""
        var cursor = original.startIndex
        var unplaced: [String] = []
        for segment in segments {
            guard let found = Self.locate(segment.pieces, in: original, from: cursor, html: format == "html") else {
                unplaced.append(segment.id)
                continue
            }
            result += original[cursor..<found.lowerBound]
            result += XLIFFFileMarker.marker(segment.id)
            cursor = found.upperBound
        }
        result += original[cursor...]
        self.init(text: result, unplaced: unplaced)
    }

    /// Where the pieces stand in order, from the first's start to the last's end.
    private static func locate(_ pieces: [String], in original: String, from start: String.Index, html: Bool) -> Range<String.Index>? {
        var cursor = start
        var first: String.Index?
        for piece in pieces {
            let forms = html ? htmlForms(piece) : [piece]
            guard let found = forms.lazy.compactMap({ original.range(of: $0, range: cursor..<original.endIndex) }).first else { return nil }
            // Between two pieces of one sentence stands only markup, never another sentence.
            if first != nil, html, original[cursor..<found.lowerBound].contains(where: { $0 == "\n" }) && original[cursor..<found.lowerBound].count > 200 { return nil }
            first = first ?? found.lowerBound
            cursor = found.upperBound
        }
        return first.map { $0..<cursor }
    }

    /// The release with each marker replaced by `rendered[id]` (already in the document's own form: escaped for HTML).
    public func fill(_ rendered: [String: String]) -> String {
        var output = ""
        var rest = text[...]
        while let open = rest.range(of: "{{concord:") {
            output += rest[rest.startIndex..<open.lowerBound]
            guard let close = rest.range(of: "}}", range: open.upperBound..<rest.endIndex) else { break }
            output += rendered[String(rest[open.upperBound..<close.lowerBound])] ?? ""
            rest = rest[close.upperBound...]
        }
        return output + rest
    }

    static func htmlForms(_ text: String) -> [String] {
        let escaped = escapeHTML(text)
        return [escaped, escaped.replacingOccurrences(of: "\u{A0}", with: "&nbsp;"), escaped.replacingOccurrences(of: "\u{A0}", with: "&#160;"), text]
    }

    static func escapeHTML(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}

/// The marker a skeleton holds for a segment.
enum XLIFFFileMarker {
    static func marker(_ id: String) -> String { XLIFFFile.marker(unit: id) }
}
