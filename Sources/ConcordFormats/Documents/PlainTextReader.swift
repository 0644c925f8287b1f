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
        /// The trimmed range in UTF-8 bytes.
        var trimmedUTF8: Range<Int>
        var lastScalar: Unicode.Scalar?
    }

    public static func read(_ text: String) -> TextDocument {
        var text = text
        let lines = text.withUTF8 { scanLines($0) }
        var paragraphs: [TextDocument.Paragraph] = []
        var block: [Line] = []
        func flushBlock() {
            defer { block.removeAll(keepingCapacity: true) }
            guard !block.isEmpty else { return }
            if looksWrapped(block) {
                paragraphs.append(.init(range: block.first!.trimmed.lowerBound..<block.last!.trimmed.upperBound, isWrapped: true,
                                        utf8Range: block.first!.trimmedUTF8.lowerBound..<block.last!.trimmedUTF8.upperBound))
            } else {
                for line in block { paragraphs.append(.init(range: line.trimmed, utf8Range: line.trimmedUTF8)) }
            }
        }
        for line in lines {
            if line.isBlank { flushBlock() } else { block.append(line) }
        }
        flushBlock()
        return TextDocument(text: text, paragraphs: paragraphs.filter { !$0.range.isEmpty })
    }

    /// Splits UTF-8 into lines (LF, CR, CRLF, U+2028, U+2029) with scalar offsets, in one pass over the bytes.
    private static func scanLines(_ bytes: UnsafeBufferPointer<UInt8>) -> [Line] {
        var lines: [Line] = []
        var lineStart = 0
        var position = 0          // scalar offset
        var firstContent = -1
        var firstContentByte = 0
        var lastContentEnd = 0
        var lastContentEndByte = 0
        var lastScalarStart = -1  // byte offset of the last non-space scalar
        var index = 0
        let count = bytes.count
        while index <= count {
            // Fast path: printable ASCII is content and nothing else.
            if index < count {
                let byte = bytes[index]
                if byte > 0x20 && byte < 0x80 {
                    if firstContent < 0 {
                        firstContent = position
                        firstContentByte = index
                    }
                    position += 1
                    index += 1
                    lastContentEnd = position
                    lastContentEndByte = index
                    lastScalarStart = index - 1
                    continue
                }
            }
            var length = 1
            var isSpace = false
            var isBreak = index == count
            if index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte == 0x0A || byte == 0x0D {
                        isBreak = true
                        if byte == 0x0D, index + 1 < count, bytes[index + 1] == 0x0A { length = 2 }
                    } else {
                        isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C
                    }
                } else {
                    length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    let b1 = index + 1 < count ? bytes[index + 1] : 0
                    let b2 = index + 2 < count ? bytes[index + 2] : 0
                    if byte == 0xE2 && b1 == 0x80 && (b2 == 0xA8 || b2 == 0xA9) { isBreak = true }
                    else if byte == 0xC2 && b1 == 0xA0 { isSpace = true }                                   // NBSP
                    else if byte == 0xE2 && b1 == 0x80 && (b2 <= 0x8A || b2 == 0xAF) { isSpace = true }     // U+2000–200A, 202F
                    else if byte == 0xE2 && b1 == 0x81 && b2 == 0x9F { isSpace = true }                     // U+205F
                    else if byte == 0xE3 && b1 == 0x80 && b2 == 0x80 { isSpace = true }                     // U+3000
                    else if byte == 0xE1 && b1 == 0x9A && b2 == 0x80 { isSpace = true }                     // U+1680
                }
            }
            if isBreak {
                if index < count || lineStart < position {
                    var last: Unicode.Scalar?
                    if lastScalarStart >= 0 {
                        var iterator = UnsafeBufferPointer(rebasing: bytes[lastScalarStart...]).makeIterator()
                        var decoder = UTF8()
                        if case let .scalarValue(scalar) = decoder.decode(&iterator) { last = scalar }
                    }
                    let trimmed = firstContent >= 0 ? firstContent..<lastContentEnd : lineStart..<lineStart
                    let trimmedUTF8 = firstContent >= 0 ? firstContentByte..<lastContentEndByte : index..<index
                    lines.append(Line(range: lineStart..<position, isBlank: firstContent < 0, trimmed: trimmed,
                                      trimmedUTF8: trimmedUTF8, lastScalar: last))
                }
                firstContent = -1
                lastScalarStart = -1
                // A CRLF is two scalars but one line break.
                position += length == 2 ? 2 : 1
                lineStart = position
            } else {
                if !isSpace {
                    if firstContent < 0 {
                        firstContent = position
                        firstContentByte = index
                    }
                    lastContentEnd = position + 1
                    lastContentEndByte = index + length
                    lastScalarStart = index
                }
                position += 1
            }
            index += length
        }
        return lines
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
