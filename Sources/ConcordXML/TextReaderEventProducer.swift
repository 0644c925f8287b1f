import CLibXML2

/// The careful path, for documents with an internal DTD subset: libxml2's
/// xmlTextReader, which keeps entity references as nodes, so each expansion
/// is measured against ``maximumEntityExpansion`` before a byte of it is used.
final class TextReaderEventProducer: XMLEventProducer {
    let buffer: XMLEventBuffer
    private let fileName: String
    private let reader: xmlTextReaderPtr
    private let context: Unmanaged<ReaderContext>
    private var log = XMLIssueLog()
    private var ended = false
    private(set) var failure: XMLError?
    var issues: [XMLIssue] { log.issues }
    /// Upper bound on the replacement text of all entity references together,
    /// in bytes: guards against billion-laughs and quadratic-blowup documents.
    let maximumEntityExpansion: Int
    private var entityBytesUsed = 0

    init(source: ByteSource, fileName: String, options: Int32, maximumEntityExpansion: Int, buffer: XMLEventBuffer) throws {
        self.buffer = buffer
        self.fileName = fileName
        self.maximumEntityExpansion = maximumEntityExpansion
        let context = Unmanaged.passRetained(ReaderContext(source: source))
        guard let reader = xmlReaderForIO(readCallback, closeCallback, context.toOpaque(), fileName, nil, options) else {
            context.release()
            throw XMLError.cannotOpen(file: fileName, reason: "libxml2 could not create a reader")
        }
        self.reader = reader
        self.context = context
        xmlTextReaderSetStructuredErrorHandler(reader, structuredErrorHandler, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit {
        xmlFreeTextReader(reader)
        context.release()
    }

    /// The reader does not say where in the input it failed; its messages are left as they are.
    let failedAtEndOfInput = false

    func produce() throws -> Bool {
        guard !ended, failure == nil else { return false }
        // A few hundred nodes per call: enough to amortise the call, little memory.
        for _ in 0..<256 {
            let result = xmlTextReaderRead(reader)
            if let error = context.takeUnretainedValue().sourceError { throw error }
            // libxml2 parses ahead of the node it hands out: a fault it has seen
            // further on surfaces only when the reader reaches it (result -1).
            if let fatal = log.fatal, result < 0 {
                failure = .notWellFormed(file: fileName, line: fatal.line, column: fatal.column, message: fatal.message)
                return false
            }
            if result < 0 {
                failure = .notWellFormed(file: fileName, line: parserLine, column: parserColumn, message: "the XML parser stopped")
                return false
            }
            if result == 0 {
                ended = true
                return false
            }
            guard appendCurrentNode() else {
                // Our own refusal (entity expansion) stops at once.
                let issue = log.fatal!
                failure = .notWellFormed(file: fileName, line: issue.line, column: issue.column, message: issue.message)
                return false
            }
        }
        return true
    }

    var parserLine: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }
    var parserColumn: Int { Int(xmlTextReaderGetParserColumnNumber(reader)) }
    var documentEncoding: String? { xmlTextReaderConstEncoding(reader).map { String(cString: $0) } }

    // MARK: Nodes to events

    /// False when the node was refused.
    private func appendCurrentNode() -> Bool {
        var event = XMLEvent(kind: nodeKind(), depth: Int32(xmlTextReaderDepth(reader)), line: Int32(truncatingIfNeeded: currentLine))
        switch event.kind {
        case .element, .endElement:
            event.localName = buffer.intern(xmlTextReaderConstLocalName(reader))
            event.qualifiedName = buffer.intern(xmlTextReaderConstName(reader))
            event.namespaceURI = buffer.intern(xmlTextReaderConstNamespaceUri(reader))
            if event.kind == .element {
                event.isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                appendAttributes(to: &event)
            }
        case .entityReference:
            event.localName = buffer.intern(xmlTextReaderConstName(reader))
            event.qualifiedName = event.localName
            event.isEmpty = !isInternalEntity()
            guard let text = entityReplacementText() else { return false }
            event.textStart = buffer.bytes.count
            event.textCount = text.count
            buffer.bytes.append(contentsOf: text)
        case .documentType, .processingInstruction:
            event.localName = buffer.intern(xmlTextReaderConstName(reader))
            event.qualifiedName = event.localName
            appendValue(to: &event)
        default:
            appendValue(to: &event)
        }
        buffer.events.append(event)
        return true
    }

    private func appendValue(to event: inout XMLEvent) {
        guard let value = xmlTextReaderConstValue(reader) else { return }
        event.textCount = Int(xmlStrlen(value))
        event.textStart = buffer.append(value, count: event.textCount)
    }

    private func appendAttributes(to event: inout XMLEvent) {
        guard xmlTextReaderHasAttributes(reader) == 1 else { return }
        event.attributeStart = Int32(buffer.attributes.count)
        event.namespaceStart = Int32(buffer.namespaces.count)
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            let name = buffer.intern(xmlTextReaderConstName(reader))
            let value = xmlTextReaderConstValue(reader)
            if xmlTextReaderIsNamespaceDecl(reader) == 1 {
                let qualified = buffer.name(name)
                let prefix = qualified == "xmlns" ? -1 : buffer.intern(String(qualified.dropFirst(6)))
                buffer.namespaces.append((prefix, value.map { buffer.intern(String(cString: $0)) } ?? buffer.intern("")))
                event.namespaceCount += 1
                continue
            }
            let count = value.map { Int(xmlStrlen($0)) } ?? 0
            let start = value.map { buffer.append($0, count: count) } ?? buffer.bytes.count
            buffer.attributes.append(.init(name: name, valueStart: start, valueCount: count, needsDecoding: false))
            event.attributeCount += 1
        }
        xmlTextReaderMoveToElement(reader)
    }

    private func nodeKind() -> XMLPullReader.NodeKind {
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

    private var currentLine: Int {
        if let node = xmlTextReaderCurrentNode(reader) {
            let number = Int(xmlGetLineNo(node))
            if number > 0 { return number }
        }
        return parserLine
    }

    // MARK: Entities

    /// The replacement text of the current entity reference (empty for an
    /// external one, which is never loaded); nil when over the budget.
    private func entityReplacementText() -> [UInt8]? {
        guard let node = xmlTextReaderCurrentNode(reader) else { return [] }
        var budget = maximumEntityExpansion - entityBytesUsed
        var output: [UInt8] = []
        guard appendEntityText(of: node, into: &output, budget: &budget, depth: 0) else {
            let name = xmlTextReaderConstName(reader).map { String(cString: $0) } ?? ""
            log.refuse(XMLIssue(level: .fatal,
                                 message: "entity references expand beyond \(maximumEntityExpansion) bytes (entity '\(name)'); refused as an entity-expansion attack",
                                 line: currentLine, column: parserColumn))
            return nil
        }
        entityBytesUsed += output.count
        return output
    }

    /// True when the current entity reference is declared in the document, with its text there.
    private func isInternalEntity() -> Bool {
        guard let node = xmlTextReaderCurrentNode(reader), let declaration = node.pointee.children else { return false }
        let entity = UnsafeMutableRawPointer(declaration).assumingMemoryBound(to: xmlEntity.self)
        return entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY
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
        log.record(error)
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
    Unmanaged<TextReaderEventProducer>.fromOpaque(userData).takeUnretainedValue().record(error)
}
