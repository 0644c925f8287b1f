import ConcordModel

/// Plain text: paragraphs are separated by blank lines or by single line
/// breaks (press releases use both). A block of lines that is only wrapped
/// (long lines that do not end in sentence punctuation) stays one paragraph.
public enum PlainTextReader {
    /// A line: its scalar range, and whether it holds only white space.
    private struct Line {
        var range: Range<Int>
        var isBlank: Bool
        /// Scalar offsets of the first and last non-space scalars (trimmed range).
        var trimmed: Range<Int>
        var lastScalar: Unicode.Scalar?
    }

    public static func read(_ text: String) -> TextDocument {
        var lines: [Line] = []
        var lineStart = 0
        var position = 0
        var firstContent: Int?
        var lastContentEnd = 0
        var lastScalar: Unicode.Scalar?
        var previousWasCR = false
        func endLine() {
            let trimmed = firstContent.map { $0..<lastContentEnd } ?? lineStart..<lineStart
            lines.append(Line(range: lineStart..<position, isBlank: firstContent == nil, trimmed: trimmed, lastScalar: lastScalar))
            firstContent = nil
            lastScalar = nil
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x0A && previousWasCR {
                // The LF of a CRLF: the line already ended at the CR.
                lineStart = position + 1
                previousWasCR = false
                position += 1
                continue
            }
            previousWasCR = value == 0x0D
            if value == 0x0A || value == 0x0D || value == 0x2028 || value == 0x2029 {
                endLine()
                lineStart = position + 1
            } else if !isWhitespace(scalar) {
                if firstContent == nil { firstContent = position }
                lastContentEnd = position + 1
                lastScalar = scalar
            }
            position += 1
        }
        if lineStart < position { endLine() }

        var paragraphs: [TextDocument.Paragraph] = []
        var block: [Line] = []
        func flushBlock() {
            defer { block.removeAll(keepingCapacity: true) }
            guard !block.isEmpty else { return }
            if looksWrapped(block) {
                paragraphs.append(.init(range: block.first!.trimmed.lowerBound..<block.last!.trimmed.upperBound, isWrapped: true))
            } else {
                for line in block { paragraphs.append(.init(range: line.trimmed)) }
            }
        }
        for line in lines {
            if line.isBlank { flushBlock() } else { block.append(line) }
        }
        flushBlock()
        return TextDocument(text: text, paragraphs: paragraphs.filter { !$0.range.isEmpty })
    }

    @inline(__always)
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || value == 0x09 || value == 0x0B || value == 0x0C }
        return scalar.properties.isWhitespace
    }

    /// Hard-wrapped prose: most lines are of similar, typical width and end mid-sentence.
    private static func looksWrapped(_ block: [Line]) -> Bool {
        guard block.count >= 3 else { return false }
        let inner = block.dropLast()
        let wrapped = inner.filter { line in
            let width = line.trimmed.count
            guard width >= 30 && width <= 100, let last = line.lastScalar else { return false }
            return !".!?:;。！？\"”»)".unicodeScalars.contains(last)
        }
        return Double(wrapped.count) >= 0.6 * Double(inner.count)
    }
}
