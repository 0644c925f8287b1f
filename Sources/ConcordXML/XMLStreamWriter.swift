/// A streaming XML writer: UTF-8, escaped, optionally indented. Output is
/// handed to `sink` in chunks of about 256 KiB, so documents of any size are
/// written in constant memory.
///
/// Indentation applies to element-only content. Start an element whose
/// content is mixed (a TMX `seg`, where whitespace is data) with
/// `mixedContent: true`: nothing is indented inside it.
/// Characters that XML 1.0 forbids are dropped and counted in
/// ``removedCharacters``; the caller reports them.
///
/// Serialisation is done here rather than by libxml2's xmlTextWriter, which
/// allocates for every string it escapes and took half the time of a TMX
/// conversion. Escaping follows xmlTextWriter's choices (`"` and CR escaped
/// in text; tab, LF and CR as references in attributes), except that
/// non-ASCII attribute values stay UTF-8 instead of becoming `&#x…;`.
public final class XMLStreamWriter {
    private let sink: ([UInt8]) throws -> Void
    private let indent: Bool
    // Unchecked exclusivity: single-threaded, and the dynamic checks cost a tenth of a conversion.
    @exclusivity(unchecked) private var output: [UInt8] = []
    /// One frame per open element: its name, is its content mixed, has it child elements.
    @exclusivity(unchecked) private var frames: [(name: String, mixed: Bool, hasChildren: Bool)] = []
    /// The last start tag still lacks its `>` (attributes may follow).
    @exclusivity(unchecked) private var tagOpen = false
    @exclusivity(unchecked) private var indentations: [[UInt8]] = []
    /// How many characters outside XML 1.0 were dropped so far.
    @exclusivity(unchecked) public private(set) var removedCharacters = 0

    /// A writer that hands its output to `sink`.
    public init(indent: Bool = true, sink: @escaping ([UInt8]) throws -> Void) throws {
        self.sink = sink
        self.indent = indent
        output.reserveCapacity(1 << 18 + 4096)
    }

    /// Writes the XML declaration (version 1.0, UTF-8).
    public func startDocument() throws {
        append(#"<?xml version="1.0" encoding="UTF-8"?>"# + "\n")
    }

    /// Starts `<name>`; with `mixedContent`, nothing inside it is indented.
    public func startElement(_ name: String, mixedContent: Bool = false) throws {
        let parentMixed = frames.last?.mixed ?? false
        if indent, !parentMixed { writeNewline(depth: frames.count, first: frames.isEmpty) }
        if !frames.isEmpty { frames[frames.count - 1].hasChildren = true }
        closeStartTag()
        output.append(UInt8(ascii: "<"))
        append(name)
        tagOpen = true
        frames.append((name: name, mixed: mixedContent || parentMixed, hasChildren: false))
    }

    private func writeNewline(depth: Int, first: Bool) {
        if first { return } // the declaration ends its own line
        closeStartTag()
        while indentations.count <= depth { indentations.append(Array(("\n" + String(repeating: "  ", count: indentations.count)).utf8)) }
        output.append(contentsOf: indentations[depth])
    }

    private func closeStartTag() {
        if tagOpen {
            output.append(UInt8(ascii: ">"))
            tagOpen = false
        }
    }

    private func closeFrame() throws -> String {
        guard let frame = frames.popLast() else { throw XMLError.writeFailed(reason: "end element without start") }
        if indent, !frame.mixed, frame.hasChildren { writeNewline(depth: frames.count, first: false) }
        return frame.name
    }

    /// Writes an attribute on the element just started.
    public func attribute(_ name: String, _ value: String) throws {
        guard tagOpen else { throw XMLError.writeFailed(reason: "write attribute \(name): no start tag is open") }
        output.append(UInt8(ascii: " "))
        append(name)
        output.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "\"")])
        appendEscaped(value, inAttribute: true)
        output.append(UInt8(ascii: "\""))
    }

    /// Ends the current element, as `<x/>` when it has no content.
    public func endElement() throws {
        let name = try closeFrame()
        if tagOpen {
            output.append(contentsOf: [UInt8(ascii: "/"), UInt8(ascii: ">")])
            tagOpen = false
        } else {
            appendEndTag(name)
        }
        try flushIfLarge()
    }

    /// Like ``endElement()``, but always writes `<x></x>` rather than `<x/>`.
    public func endElementWithClosingTag() throws {
        let name = try closeFrame()
        closeStartTag()
        appendEndTag(name)
        try flushIfLarge()
    }

    private func appendEndTag(_ name: String) {
        output.append(contentsOf: [UInt8(ascii: "<"), UInt8(ascii: "/")])
        append(name)
        output.append(UInt8(ascii: ">"))
    }

    /// Writes escaped character data.
    public func text(_ text: String) throws {
        guard !text.isEmpty else { return }
        closeStartTag()
        appendEscaped(text, inAttribute: false)
    }

    /// Writes `<name>text</name>`.
    public func element(_ name: String, text: String, attributes: [(String, String)] = []) throws {
        try startElement(name, mixedContent: true)
        for (key, value) in attributes { try attribute(key, value) }
        try self.text(text)
        try endElementWithClosingTag()
    }

    /// Closes open elements, ends the document and hands over the rest of the output.
    public func endDocument() throws {
        while !frames.isEmpty { try endElement() }
        output.append(UInt8(ascii: "\n"))
        try flush()
    }

    /// Hands everything written so far to the sink.
    public func flush() throws {
        guard !output.isEmpty else { return }
        try sink(output)
        output.removeAll(keepingCapacity: true)
    }

    private func flushIfLarge() throws {
        if output.count > 1 << 18 { try flush() }
    }

    // MARK: Bytes

    private func append(_ text: String) {
        var text = text
        text.withUTF8 { output.append(contentsOf: $0) }
    }

    /// The high bit set in each byte of `word` that may need escaping or
    /// removal: a C0 control, `"`, `&`, `<`, `>`, or 0xEF (U+FFFE/U+FFFF lead).
    @inline(__always)
    private static func bytesNeedingAttention(_ word: UInt64) -> UInt64 {
        let low: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func equal(_ byte: UInt64) -> UInt64 {
            let difference = word ^ (low &* byte)
            return (difference &- low) & ~difference
        }
        let control = word &- low &* 0x20
        return (control & ~word | equal(0x22) | equal(0x26) | equal(0x3C) | equal(0x3E) | equal(0xEF)) & high
    }

    /// Appends `text` escaped, without the characters XML 1.0 forbids (C0
    /// controls other than tab, LF and CR; U+FFFE and U+FFFF, UTF-8 EF BF BE/BF).
    private func appendEscaped(_ text: String, inAttribute: Bool) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var index = 0
            let count = bytes.count
            while index < count {
                if index + 8 <= count {
                    let flagged = Self.bytesNeedingAttention(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
                    if flagged == 0 {
                        index += 8
                        continue
                    }
                    // The lowest flag is exact (borrows only run upwards): go straight to it.
                    index += flagged.trailingZeroBitCount / 8
                }
                let byte = bytes[index]
                // Everything from '?' up, except the lead byte of U+FFFE/U+FFFF, needs nothing.
                if byte > 0x3E && byte != 0xEF {
                    index += 1
                    continue
                }
                let replacement: StaticString?
                var skipped = 1
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case 0x0D: replacement = "&#13;"
                case 0x0A where inAttribute: replacement = "&#10;"
                case 0x09 where inAttribute: replacement = "&#9;"
                case 0x09, 0x0A:
                    index += 1
                    continue
                case 0x00..<0x20:
                    replacement = ""
                    removedCharacters += 1
                case 0xEF where index + 2 < count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE:
                    replacement = ""
                    skipped = 3
                    removedCharacters += 1
                default:
                    index += 1
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                if let replacement {
                    replacement.withUTF8Buffer { output.append(contentsOf: $0) }
                }
                index += skipped
                start = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<count]))
        }
    }
}

extension XMLStreamWriter {
    /// Writes `nodes` as mixed content (nothing indented inside them): inline markup built as values.
    public func write(_ nodes: [XMLNode]) throws {
        for node in nodes {
            switch node {
            case let .text(text): try self.text(text)
            case .comment: break
            case let .element(element):
                try startElement(element.name, mixedContent: true)
                for attribute in element.attributes { try self.attribute(attribute.name, attribute.value) }
                try write(element.children)
                try endElement()
            }
        }
    }
}
