import CLibXML2

/// A streaming XML reader: constant memory whatever the document size, every
/// error with file, line and column.
///
/// libxml2 parses the document a chunk at a time into a flat buffer of
/// events that this reader walks. Documents that declare no entities go
/// through libxml2's SAX2 push parser (no tree, no per-node allocation);
/// documents with an internal DTD subset go through xmlTextReader, so that
/// entity expansion is measured before it is used.
///
/// Input is untrusted by default: no network, no DTD loading, no external
/// entities; internal entities are reported as ``NodeKind/entityReference``
/// nodes whose ``value`` is their replacement text, bounded in size.
///
/// ```swift
/// let reader = try XMLPullReader(path: "memory.tmx")
/// while try reader.read() {
///     if reader.kind == .element, reader.localName == "tu" { ... }
/// }
/// ```
public final class XMLPullReader {
    /// The kind of node the reader stands on.
    public enum NodeKind: Equatable, Sendable {
        case element, endElement, text, whitespace, cdata, entityReference
        case comment, processingInstruction, documentType, other
    }

    /// Upper bound on the replacement text of all entity references in a
    /// document together, in bytes: guards against billion-laughs and
    /// quadratic-blowup documents.
    public static let maximumEntityExpansion = 16 << 20

    /// The name used in messages (the path, or what the caller passed).
    public let fileName: String
    /// Warnings and recoverable errors, in the order libxml2 reported them.
    public var issues: [XMLIssue] { producer.issues }

    private let buffer = XMLEventBuffer()
    private let producer: XMLEventProducer
    /// Index of the current event in the buffer; -1 before the first read.
    @exclusivity(unchecked) private var cursor = -1
    /// Elements started and not yet ended among the nodes read (for messages about a cut-off file).
    private var openElements = 0
    private var producerDone = false

    /// Reads from `source`; `ignoreDeclaredEncoding` reads as UTF-8 whatever the declaration says.
    /// With `keepsText` false, text and white-space nodes are still reported but
    /// their ``value`` is empty (for reading structure only, faster).
    public init(source: ByteSource, fileName: String, ignoreDeclaredEncoding: Bool = false, keepsText: Bool = true) throws {
        self.fileName = fileName
        buffer.keepsText = keepsText
        var options = SafeParserOptions.xml
        if ignoreDeclaredEncoding { options |= Int32(XML_PARSE_IGNORE_ENC.rawValue) }
        let prefixed = try PrefixedByteSource(source: source, sniffing: 4096)
        try Self.refuseUnlessXML(prefixed.head, fileName: fileName)
        if XMLPrologue.allowsFastPath(prefixed.head) {
            producer = try SAXEventProducer(source: prefixed, fileName: fileName, options: options, buffer: buffer)
        } else {
            producer = try TextReaderEventProducer(source: prefixed, fileName: fileName, options: options,
                                                   maximumEntityExpansion: Self.maximumEntityExpansion, buffer: buffer)
        }
    }

    /// Reads the file at `path`.
    public convenience init(path: String) throws {
        try self.init(source: FileByteSource(path: path), fileName: path)
    }

    // MARK: Moving

    /// Moves to the next node; false at the end of the document.
    /// Throws ``XMLError/notWellFormed(file:line:column:message:)`` at the first fatal error.
    @discardableResult
    public func read() throws -> Bool {
        cursor += 1
        // A text event at the end of the buffer may continue in the next chunk: parse on first.
        while cursor >= buffer.events.count || (cursor == buffer.events.count - 1 && isText(buffer.events[cursor].kind) && !producerDone) {
            if producerDone {
                if let failure = producer.failure { throw explained(failure) }
                cursor = buffer.events.count
                return false
            }
            if cursor >= buffer.events.count {
                buffer.removeAll()
                cursor = 0
            }
            producerDone = !(try producer.produce())
        }
        switch buffer.events[cursor].kind {
        case .element where !buffer.events[cursor].isEmpty: openElements += 1
        case .endElement: openElements -= 1
        default: break
        }
        return true
    }

    private func isText(_ kind: NodeKind) -> Bool { kind == .text || kind == .whitespace }

    /// Refuses, in words a translator understands, what libxml2 would call "Document is empty" or
    /// "Extra content at the end of the document": an empty file, binary data, text that is not XML.
    /// `head` is the first bytes of the file.
    public static func refuseUnlessXML(_ head: [UInt8], fileName: String) throws {
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        // UTF-16 and UTF-32 (with or without a byte-order mark) are left to libxml2.
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0x3C, 0]) || bytes.starts(with: [0, 0x3C])
            || bytes.starts(with: [0, 0, 0, 0x3C]) || bytes.starts(with: [0, 0, 0xFE, 0xFF]) { return }
        let content = bytes.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let first = content.first else {
            throw XMLError.notWellFormed(file: fileName, line: 1, column: 1, message: "is empty")
        }
        guard first != 0x3C else { return }
        let binary = content.prefix(512).contains { $0 < 0x09 || ($0 > 0x0D && $0 < 0x20) }
        throw XMLError.notWellFormed(file: fileName, line: 1, column: 1,
                                     message: binary ? "is not a text file (it looks like binary data)" : "is not XML: it does not begin with '<'")
    }

    /// libxml2's message for a document cut short names what it found, not what is missing.
    private func explained(_ failure: XMLError) -> XMLError {
        guard case let .notWellFormed(file, line, column, message) = failure else { return failure }
        if openElements > 0, message.hasPrefix("Extra content at the end") || message.hasPrefix("Premature end of data") {
            return .notWellFormed(file: file, line: line, column: column,
                                  message: "ends before the document is complete (line \(line)): \(openElements == 1 ? "an element is" : "\(openElements) elements are") still open; the file may have been cut off")
        }
        // Cut off inside a tag: libxml2 names the token it was reading when the input ran out.
        guard producer.failedAtEndOfInput else { return failure }
        return .notWellFormed(file: file, line: line, column: column,
                              message: "ends before the document is complete (line \(line)): the file may have been cut off in the middle of a tag (\(message))")
    }

    /// Skips the current element's subtree and moves to the node after it.
    @discardableResult
    public func skipSubtree() throws -> Bool {
        if cursor >= 0, cursor < buffer.events.count, kind == .element, !isEmptyElement {
            let startDepth = depth
            while try read() {
                if kind == .endElement, depth == startDepth { break }
            }
        }
        return try read()
    }

    // MARK: The current node

    private var event: XMLEvent { buffer.events[cursor] }

    public var kind: NodeKind { buffer.events[cursor].kind }

    /// The local name (without prefix) of the current element.
    public var localName: String { buffer.name(buffer.events[cursor].localName) }

    /// The qualified name (with prefix) of the current node.
    public var qualifiedName: String { buffer.name(buffer.events[cursor].qualifiedName) }

    /// The namespace URI of the current node, or nil.
    public var namespaceURI: String? {
        let index = buffer.events[cursor].namespaceURI
        return index >= 0 ? buffer.name(index) : nil
    }

    /// Depth of the current node (the root element is 0).
    public var depth: Int { Int(buffer.events[cursor].depth) }

    /// True for `<x/>`: no end-element node follows.
    public var isEmptyElement: Bool { buffer.events[cursor].isEmpty }

    /// True on an entity reference whose text was not loaded: an external entity (XXE), which
    /// is never read, or one declared in a DTD that is never loaded.
    public var isUnloadedEntity: Bool { buffer.events[cursor].kind == .entityReference && buffer.events[cursor].isEmpty }

    /// The line of the current node (1-based).
    public var line: Int { Int(buffer.events[cursor].line) }

    /// The parser's current column; near, but not always at, the current node.
    public var parserColumn: Int { producer.parserColumn }

    /// The parser's current line.
    public var parserLine: Int { producer.parserLine }

    /// Text of a text, whitespace, CDATA, comment or processing-instruction
    /// node; the replacement text of an internal entity reference (empty for
    /// an external or undeclared one, which is never loaded).
    public var value: String {
        let current = event
        return current.textCount == 0 ? "" : buffer.string(start: current.textStart, count: current.textCount)
    }

    /// The value of attribute `name` (qualified, e.g. `xml:lang`) on the current element.
    public func attribute(_ name: String) -> String? {
        let current = event
        guard current.attributeCount > 0 else { return nil }
        for index in Int(current.attributeStart)..<Int(current.attributeStart + current.attributeCount) {
            let entry = buffer.attributes[index]
            if buffer.name(entry.name) == name { return buffer.value(of: entry) }
        }
        return nil
    }

    /// Every attribute of the current element as (qualified name, value), in document order.
    public var attributes: [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        forEachAttribute { result.append(($0, $1)) }
        return result
    }

    /// Calls `body` with each attribute of the current element (qualified name, value),
    /// in document order, without building an array.
    public func forEachAttribute(_ body: (String, String) -> Void) {
        let current = event
        guard current.attributeCount > 0 else { return }
        for index in Int(current.attributeStart)..<Int(current.attributeStart + current.attributeCount) {
            let entry = buffer.attributes[index]
            body(buffer.name(entry.name), buffer.value(of: entry))
        }
    }

    /// Reads to the end of the current element and returns the text of its
    /// descendants (text, CDATA, white space and entity replacement text).
    /// With `keepingText` false it only skips the element, building nothing.
    public func textContent(keepingText: Bool = true) throws -> String {
        guard kind == .element, !isEmptyElement else { return "" }
        let startDepth = depth
        var text = ""
        while try read() {
            let current = kind
            if current == .endElement, depth == startDepth { break }
            switch current {
            case .text, .cdata, .whitespace, .entityReference: if keepingText { text += value }
            default: continue
            }
        }
        return text
    }

    /// Namespace declarations on the current element as (prefix or "", URI).
    public var namespaceDeclarations: [(prefix: String, uri: String)] {
        let current = event
        guard current.namespaceCount > 0 else { return [] }
        return (Int(current.namespaceStart)..<Int(current.namespaceStart + current.namespaceCount)).map {
            let entry = buffer.namespaces[$0]
            return (buffer.name(entry.prefix), buffer.name(entry.uri))
        }
    }

    /// The encoding libxml2 decided the document is in, once known.
    public var documentEncoding: String? { producer.documentEncoding }
}
