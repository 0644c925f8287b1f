import ConcordModel
import ConcordXML

/// HTML: block elements become paragraphs; inline formatting and links stay
/// within their paragraph; `script`, `style`, navigation and other non-content
/// elements are skipped; entities are decoded. The extracted text is the
/// paragraphs joined by blank lines.
public enum HTMLTextReader {
    static let blocks: Set<String> = ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "pre",
                                      "td", "th", "caption", "figcaption", "section", "article", "header", "footer", "main",
                                      "aside", "address", "ul", "ol", "dl", "table", "tr", "tbody", "thead", "tfoot", "body", "html",
                                      "form", "fieldset", "legend", "hr", "br", "title"]
    static let skipped: Set<String> = ["script", "style", "nav", "noscript", "template", "svg", "head", "iframe", "button", "select", "textarea", "menu"]

    /// `encoding` overrides the document's own `<meta charset>`.
    public static func read(_ bytes: [UInt8], fileName: String, encoding: String? = nil) throws -> TextDocument {
        guard let root = try HTMLDocumentReader.parse(bytes, fileName: fileName, encoding: encoding) else { return TextDocument(text: "", paragraphs: []) }
        var paragraphs: [(text: String, tags: [PositionedTag])] = []
        var current = String.UnicodeScalarView()
        var pending: [PositionedTag] = []      // offsets into `current`, before white space is collapsed
        var nextID = 1
        func flush() {
            let (collapsed, position) = collapse(current)
            if !collapsed.isEmpty {
                paragraphs.append((String(collapsed), pending.map { PositionedTag(offset: position($0.offset), tag: $0.tag) }))
            }
            current = String.UnicodeScalarView()
            pending = []
        }
        func walk(_ element: XMLElement) {
            if skipped.contains(element.name) { return }
            if element.name == "title" {
                // The page title is metadata, not part of the release body.
                return
            }
            let isBlock = blocks.contains(element.name)
            if isBlock { flush() }
            let inline = !isBlock && element.name != "html"
            var id = ""
            if inline {
                id = String(nextID)
                nextID += 1
                let role: InlineTag.Role = element.children.isEmpty && voids.contains(element.name) ? .standalone : .opening
                pending.append(PositionedTag(offset: current.count, tag: InlineTag(role: role, id: id, type: tagType(element.name),
                                                                                   nativeCode: [.code(openingMarkup(element))])))
            }
            for child in element.children {
                switch child {
                case let .text(text): current.append(contentsOf: text.unicodeScalars)
                case let .element(inner): walk(inner)
                case .comment: break
                }
            }
            if inline, !(element.children.isEmpty && voids.contains(element.name)) {
                pending.append(PositionedTag(offset: current.count, tag: InlineTag(role: .closing, id: id, type: tagType(element.name),
                                                                                   nativeCode: [.code("</\(element.name)>")])))
            }
            if element.name == "br" { current.append("\n") }
            if isBlock { flush() }
        }
        walk(root)
        flush()
        var text = ""
        var ranges: [TextDocument.Paragraph] = []
        var tags: [PositionedTag] = []
        var offset = 0
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 {
                text += "\n\n"
                offset += 2
            }
            let count = paragraph.text.unicodeScalars.count
            ranges.append(.init(range: offset..<offset + count))
            tags += paragraph.tags.map { PositionedTag(offset: offset + $0.offset, tag: $0.tag) }
            text += paragraph.text
            offset += count
        }
        return TextDocument(text: text, paragraphs: ranges, inlineTags: tags)
    }

    /// Elements without content: a placeholder rather than a pair.
    static let voids: Set<String> = ["img", "br", "wbr", "input", "hr"]

    /// What TMX calls the tag (`bold`, `italic`, `link`…), the element's name for the rest.
    static func tagType(_ name: String) -> String {
        switch name {
        case "b", "strong": "bold"
        case "i", "em": "italic"
        case "u": "ulined"
        case "a": "link"
        case "br": "lb"
        case "img": "image"
        default: name
        }
    }

    /// The opening tag as it can be written back: `<a href="…">`.
    static func openingMarkup(_ element: XMLElement) -> String {
        let attributes = element.attributes.map { " \($0.name)=\"" + $0.value.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "<", with: "&lt;") + "\"" }
        return "<\(element.name)\(attributes.joined())>"
    }

    /// White space as a browser shows it: runs become one space (no-break spaces stay), ends
    /// trimmed; with where each position of the original text lands in the result.
    static func collapse(_ text: String.UnicodeScalarView) -> (String.UnicodeScalarView, (Int) -> Int) {
        var result = String.UnicodeScalarView()
        var positions: [Int] = []
        positions.reserveCapacity(text.count + 1)
        var count = 0
        var pendingSpace = false
        for scalar in text {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}" {
                positions.append(count)
                pendingSpace = !result.isEmpty
            } else {
                positions.append(count + (pendingSpace ? 1 : 0))
                if pendingSpace { result.append(" "); count += 1 }
                pendingSpace = false
                result.append(scalar)
                count += 1
            }
        }
        positions.append(count)
        return (result, { positions[min($0, positions.count - 1)] })
    }

    static func collapse(_ text: String) -> String { String(collapse(text.unicodeScalars).0) }
}
