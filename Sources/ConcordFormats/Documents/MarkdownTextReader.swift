import ConcordModel

/// Markdown: headings, list items, block quotes and paragraphs become
/// paragraphs, without their markers; code blocks are skipped. Emphasis and
/// links stay as written (translators keep them around the words).
public enum MarkdownTextReader {
    public static func read(_ text: String) -> TextDocument {
        let scalars = Array(text.unicodeScalars)
        var paragraphs: [TextDocument.Paragraph] = []
        var lineStart = 0
        var inFence = false
        var open: Range<Int>?   // the paragraph being built (lines joined)
        func close() {
            if let range = open { paragraphs.append(.init(range: range, isWrapped: true)) }
            open = nil
        }
        var index = 0
        while index <= scalars.count {
            if index == scalars.count || scalars[index] == "\n" {
                var line = lineStart..<index
                if line.upperBound > line.lowerBound, scalars[line.upperBound - 1] == "\r" { line = line.lowerBound..<line.upperBound - 1 }
                let content = String(String.UnicodeScalarView(scalars[line]))
                let trimmed = content.drop { $0 == " " || $0 == "\t" }
                let indent = content.unicodeScalars.count - trimmed.unicodeScalars.count
                if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                    close()
                    inFence.toggle()
                } else if inFence || indent >= 4 && open == nil {
                    // code: not for translation
                } else if trimmed.isEmpty || trimmed.allSatisfy({ "-*_=".contains($0) || $0 == " " }) {
                    close()
                } else {
                    let marker = markerLength(trimmed)
                    let start = line.lowerBound + indent + marker
                    if marker > 0 || trimmed.hasPrefix("#") { close() }
                    if let range = open {
                        open = range.lowerBound..<line.upperBound
                    } else {
                        var end = line.upperBound
                        if trimmed.hasPrefix("#") {
                            // Closing hashes of an ATX heading are markup too.
                            while end > start, scalars[end - 1] == "#" || scalars[end - 1] == " " { end -= 1 }
                        }
                        open = start..<max(start, end)
                    }
                    if trimmed.hasPrefix("#") { close() }
                }
                lineStart = index + 1
            }
            index += 1
        }
        close()
        return TextDocument(text: text, paragraphs: paragraphs.filter { !$0.range.isEmpty })
    }

    /// Length of a block marker at the start of a line: `# `, `- `, `* `, `+ `, `1. `, `> `.
    private static func markerLength(_ line: Substring) -> Int {
        var scalars = Array(line.unicodeScalars)
        var length = 0
        while let first = scalars.first, first == ">" {
            length += 1
            scalars.removeFirst()
            while let next = scalars.first, next == " " { length += 1; scalars.removeFirst() }
        }
        if let first = scalars.first {
            if first == "#" {
                var hashes = 0
                while hashes < scalars.count, scalars[hashes] == "#" { hashes += 1 }
                if hashes <= 6, hashes < scalars.count, scalars[hashes] == " " { return length + hashes + 1 }
            }
            if ["-", "*", "+"].contains(first), scalars.count > 1, scalars[1] == " " { return length + 2 }
            var digits = 0
            while digits < scalars.count, scalars[digits].properties.numericType != nil, scalars[digits].isASCII { digits += 1 }
            if digits > 0, digits + 1 < scalars.count, scalars[digits] == "." || scalars[digits] == ")", scalars[digits + 1] == " " {
                return length + digits + 2
            }
        }
        return length
    }
}
