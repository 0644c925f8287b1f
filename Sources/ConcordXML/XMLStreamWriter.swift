import CLibXML2

/// A streaming XML writer over libxml2's xmlTextWriter: UTF-8, escaped,
/// optionally indented. Output is handed to `sink` in chunks, so documents of
/// any size are written in constant memory.
///
/// Indentation applies to element-only content. Start an element whose
/// content is mixed (a TMX `seg`, where whitespace is data) with
/// `mixedContent: true`: nothing is indented inside it.
/// Characters that XML 1.0 forbids are dropped and counted in
/// ``removedCharacters``; the caller reports them.
public final class XMLStreamWriter {
    private let writer: xmlTextWriterPtr
    private let buffer: xmlBufferPtr
    private let sink: ([UInt8]) throws -> Void
    private let indent: Bool
    /// One frame per open element: is its content mixed, has it child elements.
    private var frames: [(mixed: Bool, hasChildren: Bool)] = []
    /// How many characters outside XML 1.0 were dropped so far.
    public private(set) var removedCharacters = 0

    /// A writer that hands its output to `sink`.
    public init(indent: Bool = true, sink: @escaping ([UInt8]) throws -> Void) throws {
        guard let buffer = xmlBufferCreate() else { throw XMLError.writeFailed(reason: "cannot allocate buffer") }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw XMLError.writeFailed(reason: "cannot create writer")
        }
        self.buffer = buffer
        self.writer = writer
        self.sink = sink
        self.indent = indent
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    /// Writes the XML declaration (version 1.0, UTF-8).
    public func startDocument() throws {
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "start document")
    }

    /// Writes `<!DOCTYPE name SYSTEM "systemID">` (or with a public id).
    public func docType(_ name: String, publicID: String? = nil, systemID: String? = nil) throws {
        try check(xmlTextWriterWriteDTD(writer, name, publicID, systemID, nil), "write DOCTYPE")
    }

    /// Starts `<name>`; with `mixedContent`, nothing inside it is indented.
    public func startElement(_ name: String, mixedContent: Bool = false) throws {
        let parentMixed = frames.last?.mixed ?? false
        if indent, !parentMixed { try writeNewline(depth: frames.count, first: frames.isEmpty) }
        if !frames.isEmpty { frames[frames.count - 1].hasChildren = true }
        try check(xmlTextWriterStartElement(writer, name), "start <\(name)>")
        frames.append((mixed: mixedContent || parentMixed, hasChildren: false))
    }

    private func writeNewline(depth: Int, first: Bool) throws {
        if first { return } // the declaration and DOCTYPE end their own lines
        while indentations.count <= depth { indentations.append("\n" + String(repeating: "  ", count: indentations.count)) }
        try check(xmlTextWriterWriteRaw(writer, indentations[depth]), "write whitespace")
    }

    private var indentations: [String] = []

    private func closeFrame() throws {
        guard let frame = frames.popLast() else { throw XMLError.writeFailed(reason: "end element without start") }
        if indent, !frame.mixed, frame.hasChildren { try writeNewline(depth: frames.count, first: false) }
    }

    /// Writes an attribute on the element just started.
    public func attribute(_ name: String, _ value: String) throws {
        let clean = sanitized(value)
        try check(xmlTextWriterWriteAttribute(writer, name, clean), "write attribute \(name)")
    }

    public func endElement() throws {
        try closeFrame()
        try check(xmlTextWriterEndElement(writer), "end element")
        try flushIfLarge()
    }

    /// Like ``endElement()``, but always writes `<x></x>` rather than `<x/>`.
    public func endElementWithClosingTag() throws {
        try closeFrame()
        try check(xmlTextWriterFullEndElement(writer), "end element")
        try flushIfLarge()
    }

    /// Writes escaped character data.
    public func text(_ text: String) throws {
        guard !text.isEmpty else { return }
        try check(xmlTextWriterWriteString(writer, sanitized(text)), "write text")
    }

    /// Writes `<name>text</name>`.
    public func element(_ name: String, text: String, attributes: [(String, String)] = []) throws {
        try startElement(name, mixedContent: true)
        for (key, value) in attributes { try attribute(key, value) }
        try self.text(text)
        try endElementWithClosingTag()
    }

    public func comment(_ text: String) throws {
        try check(xmlTextWriterWriteComment(writer, sanitized(text.replacingDoubleHyphens())), "write comment")
    }

    /// Closes open elements, ends the document and hands over the rest of the output.
    public func endDocument() throws {
        while !frames.isEmpty { try endElement() }
        try check(xmlTextWriterEndDocument(writer), "end document")
        try flush()
    }

    /// Hands everything written so far to the sink.
    public func flush() throws {
        _ = xmlTextWriterFlush(writer)
        let length = Int(xmlBufferLength(buffer))
        guard length > 0, let content = xmlBufferContent(buffer) else { return }
        let bytes = Array(UnsafeBufferPointer(start: content, count: length))
        xmlBufferEmpty(buffer)
        try sink(bytes)
    }

    private func flushIfLarge() throws {
        if xmlBufferLength(buffer) > 1 << 18 { try flush() }
    }

    private func check(_ result: Int32, _ what: String) throws {
        if result < 0 { throw XMLError.writeFailed(reason: what) }
    }

    private func sanitized(_ text: String) -> String {
        let (clean, removed) = XMLCharacters.removingForbidden(from: text)
        removedCharacters += removed
        return clean
    }
}

/// XML 1.0's Char production.
public enum XMLCharacters {
    /// True for code points XML 1.0 allows: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
    @inline(__always)
    public static func isAllowed(_ value: UInt32) -> Bool {
        if value >= 0x20 { return value <= 0xD7FF || (value >= 0xE000 && value <= 0xFFFD) || value >= 0x10000 }
        return value == 0x9 || value == 0xA || value == 0xD
    }

    /// `text` without the characters XML 1.0 forbids, and how many were removed.
    public static func removingForbidden(from text: String) -> (String, Int) {
        if isClean(text) { return (text, 0) }
        var view = String.UnicodeScalarView()
        var removed = 0
        for scalar in text.unicodeScalars {
            if isAllowed(scalar.value) { view.append(scalar) } else { removed += 1 }
        }
        return (String(view), removed)
    }
}

extension XMLCharacters {
    /// Fast check over UTF-8: forbidden characters are C0 controls other than
    /// tab, newline and carriage return, and U+FFFE/U+FFFF (EF BF BE/BF).
    /// Swift strings never hold surrogates.
    static func isClean(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte < 0x20 {
                    if byte != 0x09 && byte != 0x0A && byte != 0x0D { return false }
                } else if byte == 0xEF, index + 2 < count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE {
                    return false
                }
                index += 1
            }
            return true
        }
    }
}

private extension String {
    /// Comments may not contain "--".
    func replacingDoubleHyphens() -> String {
        var result = ""
        var previousWasHyphen = false
        for character in self {
            if character == "-" && previousWasHyphen { result.append(" ") }
            result.append(character)
            previousWasHyphen = character == "-"
        }
        return result
    }
}
