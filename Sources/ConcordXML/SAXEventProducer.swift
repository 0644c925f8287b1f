#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CLibXML2

/// The fast path: libxml2's SAX2 push parser, fed 64 KiB at a time, its
/// callbacks writing straight into the event buffer. No tree is built, so a
/// node costs a few array appends instead of xmlTextReader's allocations.
///
/// Used only for documents without an internal DTD subset (see
/// ``XMLPrologue``): with no entity declarations there is nothing to expand,
/// so the entity-budget guard of ``TextReaderEventProducer`` is not needed.
final class SAXEventProducer: XMLEventProducer {
    let buffer: XMLEventBuffer
    private let source: ByteSource
    private let fileName: String
    private let context: xmlParserCtxtPtr
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    private var ended = false
    private var log = XMLIssueLog()
    @exclusivity(unchecked) fileprivate var depth: Int32 = 0
    private(set) var failure: XMLError?
    var issues: [XMLIssue] { log.issues }

    init(source: ByteSource, fileName: String, options: Int32, buffer: XMLEventBuffer) throws {
        self.buffer = buffer
        self.source = source
        self.fileName = fileName
        var handler = xmlSAXHandler()
        // SAX2 defaults for the document and DTD callbacks; ours for the content.
        xmlSAXVersion(&handler, 2)
        handler.startElementNs = startElementCallback
        handler.endElementNs = endElementCallback
        handler.characters = charactersCallback
        // Equal to `characters`, so libxml2 never classifies white space as ignorable.
        handler.ignorableWhitespace = charactersCallback
        handler.comment = commentCallback
        handler.processingInstruction = processingInstructionCallback
        handler.reference = referenceCallback
        handler.internalSubset = internalSubsetCallback
        handler.serror = errorCallback
        // libxml2 detects the encoding from the first four bytes.
        var first = [UInt8](repeating: 0, count: 4)
        var detect = 0
        while detect < 4 {
            let got = try first.withUnsafeMutableBytes { try source.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[detect...])) }
            if got == 0 { break }
            detect += got
        }
        let created = first.withUnsafeBytes { bytes in
            xmlCreatePushParserCtxt(&handler, nil, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(detect), fileName)
        }
        guard let created else {
            throw XMLError.cannotOpen(file: fileName, reason: "libxml2 could not create a parser")
        }
        context = created
        xmlCtxtUseOptions(context, options)
        // With no user data, callbacks receive the parser context; it carries us.
        context.pointee._private = Unmanaged.passUnretained(self).toOpaque()
    }

    deinit {
        if let document = context.pointee.myDoc { xmlFreeDoc(document) }
        xmlFreeParserCtxt(context)
    }

    private(set) var failedAtEndOfInput = false

    func produce() throws -> Bool {
        guard !ended, failure == nil else { return false }
        let count = try chunk.withUnsafeMutableBytes { try source.read(into: $0) }
        let terminate: Int32 = count == 0 ? 1 : 0
        _ = chunk.withUnsafeBytes { bytes in
            xmlParseChunk(context, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(count), terminate)
        }
        if let fatal = log.fatal {
            failure = .notWellFormed(file: fileName, line: fatal.line, column: fatal.column, message: fatal.message)
            failedAtEndOfInput = terminate == 1
            return false
        }
        if terminate == 1 {
            ended = true
            if context.pointee.wellFormed == 0 {
                failure = .notWellFormed(file: fileName, line: parserLine, column: parserColumn, message: "the XML parser stopped")
                failedAtEndOfInput = true
            }
            return false
        }
        return true
    }

    var parserLine: Int { Int(context.pointee.input?.pointee.line ?? 0) }
    var parserColumn: Int { Int(context.pointee.input?.pointee.col ?? 0) }

    var documentEncoding: String? {
        (context.pointee.encoding ?? context.pointee.input?.pointee.encoding).map { String(cString: $0) }
    }

    fileprivate var line: Int32 { Int32(truncatingIfNeeded: context.pointee.input?.pointee.line ?? 0) }

    /// True when the parser has just consumed `/>`: the element that ends is empty.
    fileprivate var justClosedEmptyTag: Bool {
        guard let input = context.pointee.input, let cursor = input.pointee.cur, let base = input.pointee.base,
              cursor - base >= 2 else { return false }
        return cursor[-1] == UInt8(ascii: ">") && cursor[-2] == UInt8(ascii: "/")
    }

    /// The deepest element accepted (the root is at 0): libxml2 refuses deeper ones when it builds a tree (without `XML_PARSE_HUGE`).
    static let maximumDepth: Int32 = 256

    /// The longest run of character data accepted: libxml2's limit for one text node
    /// when it builds a tree (without `XML_PARSE_HUGE`).
    static let maximumTextLength = 10_000_000
    /// Bytes of character data since the last markup.
    @exclusivity(unchecked) fileprivate var textRun = 0

    /// Stops at an element nested too deep, with libxml2's message for the same fault.
    fileprivate func refuseDepth() {
        refuse("elements are nested more than \(Self.maximumDepth) deep (a limit that protects against hostile files)")
    }

    /// Stops at a text node longer than libxml2 accepts, rather than holding it all.
    fileprivate func refuseText() {
        refuse("huge text node: more than \(Self.maximumTextLength) bytes of character data in one run")
    }

    private func refuse(_ message: String) {
        log.record(XMLIssue(level: .fatal, message: message, line: parserLine, column: parserColumn))
        xmlStopParser(context)
    }

    fileprivate func record(_ error: xmlErrorPtr) {
        log.record(error)
    }
}

// MARK: Callbacks (C function pointers: no captures; the producer rides on the context)

private func producer(_ context: UnsafeMutableRawPointer?) -> SAXEventProducer {
    let parser = context!.assumingMemoryBound(to: xmlParserCtxt.self)
    return Unmanaged<SAXEventProducer>.fromOpaque(parser.pointee._private!).takeUnretainedValue()
}

private func startElementCallback(_ context: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?,
                                  _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?,
                                  _ namespaceCount: Int32, _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                                  _ attributeCount: Int32, _ defaultedCount: Int32,
                                  _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
    let owner = producer(context)
    // libxml2 limits nesting only when it builds a tree; readers above recurse per level.
    guard owner.depth <= SAXEventProducer.maximumDepth else {
        owner.refuseDepth()
        return
    }
    let buffer = owner.buffer
    var event = XMLEvent(kind: .element, depth: owner.depth, line: owner.line)
    event.localName = buffer.intern(localName)
    event.qualifiedName = prefix == nil ? event.localName : buffer.intern(prefix: prefix, local: localName)
    event.namespaceURI = buffer.intern(uri)
    if namespaceCount > 0, let namespaces {
        event.namespaceStart = Int32(buffer.namespaces.count)
        event.namespaceCount = namespaceCount
        for index in 0..<Int(namespaceCount) {
            buffer.namespaces.append((buffer.intern(namespaces[2 * index]), buffer.intern(namespaces[2 * index + 1])))
        }
    }
    if attributeCount > 0, let attributes {
        event.attributeStart = Int32(buffer.attributes.count)
        event.attributeCount = attributeCount
        for index in 0..<Int(attributeCount) {
            // Five pointers per attribute: local name, prefix, URI, value start, value end.
            let base = 5 * index
            guard let value = attributes[base + 3], let end = attributes[base + 4] else { continue }
            let count = end - value
            let start = buffer.append(value, count: count)
            let ampersand = count > 0 && memchr(value, 0x26, count) != nil
            buffer.attributes.append(.init(name: buffer.intern(prefix: attributes[base + 1], local: attributes[base]),
                                           valueStart: start, valueCount: count, needsDecoding: ampersand))
        }
    }
    owner.depth += 1
    owner.textRun = 0
    buffer.events.append(event)
}

private func endElementCallback(_ context: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?,
                                _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?) {
    let owner = producer(context)
    let buffer = owner.buffer
    owner.depth -= 1
    owner.textRun = 0
    // `<x/>` calls this right after the start: mark the start empty instead of adding an end.
    if owner.justClosedEmptyTag, let last = buffer.events.indices.last,
       buffer.events[last].kind == .element, buffer.events[last].depth == owner.depth {
        buffer.events[last].isEmpty = true
        return
    }
    var event = XMLEvent(kind: .endElement, depth: owner.depth, line: owner.line)
    event.localName = buffer.intern(localName)
    event.qualifiedName = prefix == nil ? event.localName : buffer.intern(prefix: prefix, local: localName)
    event.namespaceURI = buffer.intern(uri)
    buffer.events.append(event)
}

private func charactersCallback(_ context: UnsafeMutableRawPointer?, _ characters: UnsafePointer<xmlChar>?, _ length: Int32) {
    guard let characters, length > 0 else { return }
    let owner = producer(context)
    owner.textRun += Int(length)
    guard owner.textRun <= SAXEventProducer.maximumTextLength else {
        owner.refuseText()
        return
    }
    owner.buffer.appendText(characters, count: Int(length), depth: owner.depth, line: owner.line)
}

private func commentCallback(_ context: UnsafeMutableRawPointer?, _ text: UnsafePointer<xmlChar>?) {
    let owner = producer(context)
    var event = XMLEvent(kind: .comment, depth: owner.depth, line: owner.line)
    if let text {
        event.textCount = Int(xmlStrlen(text))
        event.textStart = owner.buffer.append(text, count: event.textCount)
    }
    owner.buffer.events.append(event)
}

private func processingInstructionCallback(_ context: UnsafeMutableRawPointer?, _ target: UnsafePointer<xmlChar>?, _ data: UnsafePointer<xmlChar>?) {
    let owner = producer(context)
    var event = XMLEvent(kind: .processingInstruction, depth: owner.depth, line: owner.line)
    event.localName = owner.buffer.intern(target)
    event.qualifiedName = event.localName
    if let data {
        event.textCount = Int(xmlStrlen(data))
        event.textStart = owner.buffer.append(data, count: event.textCount)
    }
    owner.buffer.events.append(event)
}

/// An entity that is not declared (the DTD that might declare it is never loaded): no text.
private func referenceCallback(_ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?) {
    let owner = producer(context)
    var event = XMLEvent(kind: .entityReference, depth: owner.depth, line: owner.line)
    event.isEmpty = true
    event.localName = owner.buffer.intern(name)
    event.qualifiedName = event.localName
    owner.buffer.events.append(event)
}

private func internalSubsetCallback(_ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?,
                                    _ externalID: UnsafePointer<xmlChar>?, _ systemID: UnsafePointer<xmlChar>?) {
    xmlSAX2InternalSubset(context, name, externalID, systemID)
    let owner = producer(context)
    var event = XMLEvent(kind: .documentType, depth: owner.depth, line: owner.line)
    event.localName = owner.buffer.intern(name)
    event.qualifiedName = event.localName
    owner.buffer.events.append(event)
}

private func errorCallback(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    producer(context).record(error)
}
