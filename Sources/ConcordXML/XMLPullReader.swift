import CLibXML2

/// A streaming XML reader over libxml2's xmlTextReader: constant memory
/// whatever the document size, every error with file, line and column.
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

    /// The name used in messages (the path, or what the caller passed).
    public let fileName: String
    /// Warnings and recoverable errors, in the order libxml2 reported them.
    public private(set) var issues: [XMLIssue] = []

    private let reader: xmlTextReaderPtr
    private let context: Unmanaged<ReaderContext>
    /// Recently seen dictionary names (pointer → Swift string); a document uses few.
    private var nameCache: [(pointer: UnsafeRawPointer, name: String)] = []
    private var fatal: XMLIssue?
    private var refusedByUs = false
    /// Upper bound on the replacement text of all entity references in the
    /// document together, in bytes: guards against billion-laughs and
    /// quadratic-blowup documents.
    public var maximumEntityExpansion = 16 << 20
    private var entityBytesUsed = 0

    /// Reads from `source`. `encoding` overrides the document's own declaration;
    /// `ignoreDeclaredEncoding` reads as UTF-8 whatever the declaration says.
    public init(source: ByteSource, fileName: String, encoding: String? = nil, ignoreDeclaredEncoding: Bool = false) throws {
        self.fileName = fileName
        let context = Unmanaged.passRetained(ReaderContext(source: source))
        var options = SafeParserOptions.xml
        if ignoreDeclaredEncoding { options |= Int32(XML_PARSE_IGNORE_ENC.rawValue) }
        let reader = xmlReaderForIO(readCallback, closeCallback, context.toOpaque(), fileName, encoding, options)
        guard let reader else {
            context.release()
            throw XMLError.cannotOpen(file: fileName, reason: "libxml2 could not create a reader")
        }
        self.reader = reader
        self.context = context
        xmlTextReaderSetStructuredErrorHandler(reader, structuredErrorHandler, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Reads the file at `path` (`-` for standard input).
    public convenience init(path: String) throws {
        try self.init(source: FileByteSource(path: path), fileName: path)
    }

    deinit {
        xmlFreeTextReader(reader)
        context.release()
    }

    // MARK: Moving

    /// Moves to the next node; false at the end of the document.
    /// Throws ``XMLError/notWellFormed(file:line:column:message:)`` at the first fatal error.
    @discardableResult
    public func read() throws -> Bool {
        let result = xmlTextReaderRead(reader)
        currentKind = nil
        return try check(result)
    }

    /// The kind of the current node, asked of libxml2 once per node.
    private var currentKind: NodeKind?

    /// Skips the current element's subtree and moves to the node after it.
    @discardableResult
    public func skipSubtree() throws -> Bool {
        let result = xmlTextReaderNext(reader)
        currentKind = nil
        return try check(result)
    }

    private func check(_ result: Int32) throws -> Bool {
        if let error = context.takeUnretainedValue().sourceError { throw error }
        // libxml2 parses ahead of the node it hands out: a fault it has seen
        // further on surfaces only when the reader reaches it (result -1), so
        // the nodes before it are still delivered. Our own refusals stop at once.
        if let fatal, result < 0 || refusedByUs {
            throw XMLError.notWellFormed(file: fileName, line: fatal.line, column: fatal.column, message: fatal.message)
        }
        if result < 0 {
            let line = Int(xmlTextReaderGetParserLineNumber(reader))
            let column = Int(xmlTextReaderGetParserColumnNumber(reader))
            throw XMLError.notWellFormed(file: fileName, line: line, column: column, message: "the XML parser stopped")
        }
        return result == 1
    }

    // MARK: The current node

    public var kind: NodeKind {
        if let currentKind { return currentKind }
        let kind = nodeKind()
        currentKind = kind
        return kind
    }

    private func nodeKind() -> NodeKind {
        switch xmlTextReaderNodeType(reader) {
        case 1: return .element
        case 15: return .endElement
        case 3: return .text
        case 13, 14: return .whitespace
        case 4: return .cdata
        case 5: return .entityReference
        case 8: return .comment
        case 7: return .processingInstruction
        case 10: return .documentType
        default: return .other
        }
    }

    /// The local name (without prefix) of the current element or attribute.
    public var localName: String { interned(xmlTextReaderConstLocalName(reader)) }

    /// The qualified name (with prefix) of the current node.
    public var qualifiedName: String { interned(xmlTextReaderConstName(reader)) }

    /// The namespace URI of the current node, or nil.
    public var namespaceURI: String? {
        guard let uri = xmlTextReaderConstNamespaceUri(reader) else { return nil }
        return interned(uri)
    }

    /// Depth of the current node (the root element is 0).
    public var depth: Int { Int(xmlTextReaderDepth(reader)) }

    /// True for `<x/>`: no end-element node follows.
    public var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

    /// The line of the current node (1-based), as libxml2 recorded it.
    public var line: Int {
        if let node = xmlTextReaderCurrentNode(reader) {
            let number = Int(xmlGetLineNo(node))
            if number > 0 { return number }
        }
        return Int(xmlTextReaderGetParserLineNumber(reader))
    }

    /// The parser's current column; near, but not always at, the current node.
    public var parserColumn: Int { Int(xmlTextReaderGetParserColumnNumber(reader)) }

    /// The parser's current line.
    public var parserLine: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }

    /// Text of a text, whitespace or CDATA node; the replacement text of an
    /// internal entity reference (empty for an external one, which is never loaded).
    public var value: String {
        if kind == .entityReference { return entityReplacementText() }
        guard let text = xmlTextReaderConstValue(reader) else { return "" }
        return String(cString: text)
    }

    /// The value of attribute `name` (qualified, e.g. `xml:lang`) on the current element.
    public func attribute(_ name: String) -> String? {
        guard let value = xmlTextReaderGetAttribute(reader, name) else { return nil }
        defer { xmlFree(value) }
        return String(cString: value)
    }

    /// Every attribute of the current element as (qualified name, value), in document order.
    public var attributes: [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        guard xmlTextReaderHasAttributes(reader) == 1 else { return result }
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
            let name = interned(xmlTextReaderConstName(reader))
            let value = xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
            result.append((name, value))
        }
        xmlTextReaderMoveToElement(reader)
        return result
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

    /// Calls `body` with each attribute of the current element (qualified name, value),
    /// in document order, without building an array.
    public func forEachAttribute(_ body: (String, String) -> Void) {
        guard xmlTextReaderHasAttributes(reader) == 1 else { return }
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
            let name = interned(xmlTextReaderConstName(reader))
            let value = xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
            body(name, value)
        }
        xmlTextReaderMoveToElement(reader)
    }

    /// Namespace declarations on the current element as (prefix or "", URI).
    public var namespaceDeclarations: [(prefix: String, uri: String)] {
        var result: [(prefix: String, uri: String)] = []
        guard xmlTextReaderHasAttributes(reader) == 1 else { return result }
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            guard xmlTextReaderIsNamespaceDecl(reader) == 1 else { continue }
            let name = interned(xmlTextReaderConstName(reader))
            let uri = xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
            result.append((name == "xmlns" ? "" : String(name.dropFirst(6)), uri))
        }
        xmlTextReaderMoveToElement(reader)
        return result
    }

    /// The encoding libxml2 decided the document is in, once known.
    public var documentEncoding: String? {
        xmlTextReaderConstEncoding(reader).map { String(cString: $0) }
    }

    // MARK: Internals

    /// Names come from libxml2's dictionary, so one pointer is one name: cache the Swift string.
    private func interned(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        let key = UnsafeRawPointer(pointer)
        for entry in nameCache where entry.pointer == key { return entry.name }
        let name = String(cString: pointer)
        // The reader interns names in its dictionary for its whole life, so a
        // pointer always means the same name. Keep the cache small.
        if nameCache.count < 64 { nameCache.append((key, name)) }
        return name
    }

    private func entityReplacementText() -> String {
        guard let node = xmlTextReaderCurrentNode(reader) else { return "" }
        var budget = maximumEntityExpansion - entityBytesUsed
        var output: [UInt8] = []
        guard appendEntityText(of: node, into: &output, budget: &budget, depth: 0) else {
            refusedByUs = true
            fatal = XMLIssue(level: .fatal,
                             message: "entity references expand beyond \(maximumEntityExpansion) bytes (entity '\(qualifiedName)'); refused as an entity-expansion attack",
                             line: line, column: parserColumn)
            return ""
        }
        entityBytesUsed += output.count
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the text an entity reference stands for, within a byte budget; false when over.
    private func appendEntityText(of node: xmlNodePtr, into output: inout [UInt8], budget: inout Int, depth: Int) -> Bool {
        guard depth < 40 else { return false }
        if node.pointee.type == XML_ENTITY_REF_NODE {
            // An entity reference's children pointer holds its declaration.
            guard let declaration = node.pointee.children else { return true }
            let entity = UnsafeMutableRawPointer(declaration).assumingMemoryBound(to: xmlEntity.self)
            guard entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY else { return true }
            var child = entity.pointee.children
            if child == nil, let content = entity.pointee.content {
                let length = Int(entity.pointee.length)
                budget -= length
                if budget < 0 { return false }
                output.append(contentsOf: UnsafeBufferPointer(start: content, count: length))
                return true
            }
            while let current = child {
                if !appendEntityText(of: current, into: &output, budget: &budget, depth: depth + 1) { return false }
                child = current.pointee.next
            }
            return true
        }
        if node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE {
            guard let content = node.pointee.content else { return true }
            let length = Int(xmlStrlen(content))
            budget -= length
            if budget < 0 { return false }
            output.append(contentsOf: UnsafeBufferPointer(start: content, count: length))
            return true
        }
        var child = node.pointee.children
        while let current = child {
            if !appendEntityText(of: current, into: &output, budget: &budget, depth: depth + 1) { return false }
            child = current.pointee.next
        }
        return true
    }

    fileprivate func record(_ error: xmlErrorPtr) {
        let raw = error.pointee
        let message = raw.message.map { String(cString: $0) }?
            .trimmingSuffix(while: { $0 == "\n" || $0 == " " }) ?? "XML error"
        let level: XMLIssue.Level
        switch raw.level {
        case XML_ERR_WARNING: level = .warning
        case XML_ERR_ERROR: level = .error
        default: level = .fatal
        }
        // Namespace and DTD-validity complaints are errors libxml2 recovers from.
        let issue = XMLIssue(level: level, message: message, line: Int(raw.line), column: Int(raw.int2))
        if level == .fatal {
            if fatal == nil { fatal = issue }
        } else {
            issues.append(issue)
        }
    }
}

/// Holds the byte source for libxml2's callbacks, and any error it threw.
private final class ReaderContext {
    let source: ByteSource
    var sourceError: Error?
    init(source: ByteSource) { self.source = source }
}

private func readCallback(_ context: UnsafeMutableRawPointer?, _ buffer: UnsafeMutablePointer<CChar>?, _ length: Int32) -> Int32 {
    guard let context, let buffer else { return -1 }
    let box = Unmanaged<ReaderContext>.fromOpaque(context).takeUnretainedValue()
    do {
        return Int32(try box.source.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: Int(length))))
    } catch {
        box.sourceError = error
        return -1
    }
}

private func closeCallback(_ context: UnsafeMutableRawPointer?) -> Int32 { 0 }

private func structuredErrorHandler(_ userData: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let userData, let error else { return }
    Unmanaged<XMLPullReader>.fromOpaque(userData).takeUnretainedValue().record(error)
}

extension String {
    func trimmingSuffix(while predicate: (Character) -> Bool) -> String {
        var result = self
        while let last = result.last, predicate(last) { result.removeLast() }
        return result
    }
}
