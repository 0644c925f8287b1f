import CLibXML2

/// Parses HTML as browsers do (recovering from tag soup) with libxml2's HTML
/// parser, and hands back the tree as Swift values. No network access;
/// entities are decoded.
public enum HTMLDocumentReader {
    /// The document's root element (`html`), or nil for an empty document.
    /// `encoding` overrides the document's `<meta charset>`; UTF-8 is assumed when neither says.
    public static func parse(_ bytes: [UInt8], fileName: String, encoding: String? = nil) throws -> XMLElement? {
        guard let context = htmlNewParserCtxt() else {
            throw XMLError.cannotOpen(file: fileName, reason: "libxml2 could not create an HTML parser")
        }
        defer { htmlFreeParserCtxt(context) }
        let document: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) { chars in
                htmlCtxtReadMemory(context, chars, Int32(buffer.count), fileName, encoding ?? sniffedEncoding(bytes), SafeParserOptions.html)
            }
        }
        guard let document else {
            if bytes.isEmpty { return nil }
            throw XMLError.notWellFormed(file: fileName, line: 1, column: 1, message: "not readable as HTML")
        }
        defer { xmlFreeDoc(document) }
        try refuseIfStopped(context, fileName: fileName)
        guard let root = xmlDocGetRootElement(document) else { return nil }
        return convert(root)
    }

    /// libxml2 stops at an element nested deeper than it allows (256) and keeps only what came
    /// before: the rest of the document would be lost without a word, so refuse it instead.
    private static func refuseIfStopped(_ context: htmlParserCtxtPtr, fileName: String) throws {
        let error = context.pointee.lastError
        guard error.code == Int32(XML_ERR_INTERNAL_ERROR.rawValue), error.level == XML_ERR_FATAL,
              let message = error.message.map({ String(cString: $0) }), message.hasPrefix("Excessive depth") else { return }
        throw XMLError.notWellFormed(file: fileName, line: Int(error.line), column: Int(error.int2),
                                     message: "elements are nested more than \(SAXEventProducer.maximumDepth) deep here (unclosed tags?); close them, or the text from here on would be lost")
    }

    /// UTF-8 unless the bytes start with a UTF-16 byte-order mark or a meta charset says otherwise (libxml2 reads those itself).
    private static func sniffedEncoding(_ bytes: [UInt8]) -> String? {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) { return nil }
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self).lowercased()
        return head.contains("charset=") || head.contains("charset =") ? nil : "UTF-8"
    }

    private static func convert(_ node: xmlNodePtr) -> XMLElement {
        var element = XMLElement(name: node.pointee.name.map { String(cString: $0).lowercased() } ?? "",
                                 line: Int(xmlGetLineNo(node)))
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = current.pointee.name.map { String(cString: $0).lowercased() } ?? ""
            var value = ""
            if let text = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self)) {
                value = String(cString: text)
                concord_xml_free(text)
            }
            element.attributes.append((name, value))
            attribute = current.pointee.next
        }
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                element.children.append(.element(convert(current)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { element.children.append(.text(String(cString: content))) }
            case XML_COMMENT_NODE:
                if let content = current.pointee.content { element.children.append(.comment(String(cString: content))) }
            default:
                break
            }
            child = current.pointee.next
        }
        return element
    }
}
