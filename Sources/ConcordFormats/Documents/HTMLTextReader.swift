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
        var paragraphs: [String] = []
        var current = ""
        func flush() {
            let collapsed = collapse(current)
            if !collapsed.isEmpty { paragraphs.append(collapsed) }
            current = ""
        }
        func walk(_ element: XMLElement) {
            if skipped.contains(element.name) { return }
            if element.name == "title" {
                // The page title is metadata, not part of the release body.
                return
            }
            let isBlock = blocks.contains(element.name)
            if isBlock { flush() }
            for child in element.children {
                switch child {
                case let .text(text): current += text
                case let .element(inner): walk(inner)
                case .comment: break
                }
            }
            if element.name == "br" { current += "\n" }
            if isBlock { flush() }
        }
        walk(root)
        flush()
        var text = ""
        var ranges: [TextDocument.Paragraph] = []
        var offset = 0
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 {
                text += "\n\n"
                offset += 2
            }
            let count = paragraph.unicodeScalars.count
            ranges.append(.init(range: offset..<offset + count))
            text += paragraph
            offset += count
        }
        return TextDocument(text: text, paragraphs: ranges)
    }

    /// White space as a browser shows it: runs become one space (no-break spaces stay), ends trimmed.
    static func collapse(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}" {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return String(result)
    }
}
