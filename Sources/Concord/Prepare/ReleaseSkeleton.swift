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

    /// `segments`: (id, text) in document order.
    public init(original: String, format: String, segments: [(id: String, text: String)]) {
        var result = ""
        var cursor = original.startIndex
        var unplaced: [String] = []
        for segment in segments {
            let forms = format == "html" ? Self.htmlForms(segment.text) : [segment.text]
            guard let found = forms.lazy.compactMap({ original.range(of: $0, range: cursor..<original.endIndex) }).first else {
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

    /// The release with each marker replaced by `texts[id]` (escaped for HTML).
    public func fill(_ texts: [String: String], format: String) -> String {
        var output = ""
        var rest = text[...]
        while let open = rest.range(of: "{{concord:") {
            output += rest[rest.startIndex..<open.lowerBound]
            guard let close = rest.range(of: "}}", range: open.upperBound..<rest.endIndex) else { break }
            let id = String(rest[open.upperBound..<close.lowerBound])
            let value = texts[id] ?? ""
            output += format == "html" ? Self.escapeHTML(value) : value
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
