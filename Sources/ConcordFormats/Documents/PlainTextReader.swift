import ConcordModel

/// Plain text: paragraphs are separated by blank lines or by single line
/// breaks (press releases use both). A block of lines that is only wrapped
/// (long lines that do not end in sentence punctuation) stays one paragraph.
public enum PlainTextReader {
    public static func read(_ text: String) -> TextDocument {
        let scalars = Array(text.unicodeScalars)
        // Lines as scalar ranges, without their line terminators.
        var lines: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < scalars.count {
            let value = scalars[index].value
            if value == 0x0A || value == 0x0D || value == 0x2028 || value == 0x2029 {
                lines.append(start..<index)
                if value == 0x0D, index + 1 < scalars.count, scalars[index + 1].value == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        if start < scalars.count { lines.append(start..<scalars.count) }

        func isBlank(_ line: Range<Int>) -> Bool { line.allSatisfy { scalars[$0].properties.isWhitespace } }

        var paragraphs: [TextDocument.Paragraph] = []
        var block: [Range<Int>] = []
        func flushBlock() {
            defer { block.removeAll() }
            guard !block.isEmpty else { return }
            if looksWrapped(block, scalars) {
                paragraphs.append(.init(range: block.first!.lowerBound..<block.last!.upperBound, isWrapped: true))
            } else {
                for line in block { paragraphs.append(.init(range: trimmed(line, scalars))) }
            }
        }
        for line in lines {
            if isBlank(line) { flushBlock() } else { block.append(line) }
        }
        flushBlock()
        return TextDocument(text: text, paragraphs: paragraphs.filter { !$0.range.isEmpty })
    }

    private static func trimmed(_ range: Range<Int>, _ scalars: [Unicode.Scalar]) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, scalars[lower].properties.isWhitespace { lower += 1 }
        while upper > lower, scalars[upper - 1].properties.isWhitespace { upper -= 1 }
        return lower..<upper
    }

    /// Hard-wrapped prose: most lines are of similar, typical width and end mid-sentence.
    private static func looksWrapped(_ block: [Range<Int>], _ scalars: [Unicode.Scalar]) -> Bool {
        guard block.count >= 3 else { return false }
        let inner = block.dropLast()
        let wrapped = inner.filter { line in
            let width = line.count
            guard width >= 30 && width <= 100, let last = line.last.map({ scalars[$0] }) else { return false }
            return !".!?:;。！？\"”»)".unicodeScalars.contains(last)
        }
        return Double(wrapped.count) >= 0.6 * Double(inner.count)
    }
}
