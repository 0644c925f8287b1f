import CLibXML2

/// Validates a document against a DTD, an XML Schema or a RELAX NG schema
/// with libxml2: how Concord checks what it writes. The document is parsed
/// with the safe options (no network, no entity substitution).
public enum XMLValidator {
    public enum Schema {
        case dtd(path: String)
        case xmlSchema(path: String)
        case relaxNG(path: String)
    }

    /// The validity errors of `documentPath` against `schema` (empty when valid).
    /// Throws when the document is not well-formed or the schema cannot be loaded.
    public static func validate(documentPath: String, against schema: Schema) throws -> [XMLIssue] {
        let collector = IssueCollector()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        xmlSetStructuredErrorFunc(context, collectIssue)
        defer { xmlSetStructuredErrorFunc(nil, nil) }

        guard let document = xmlReadFile(documentPath, nil, SafeParserOptions.xml) else {
            let first = collector.issues.first
            throw XMLError.notWellFormed(file: documentPath, line: first?.line ?? 0, column: first?.column ?? 0,
                                        message: first?.message ?? "cannot be parsed")
        }
        defer { xmlFreeDoc(document) }
        collector.issues.removeAll()

        switch schema {
        case let .dtd(path):
            guard let dtd = xmlParseDTD(nil, path) else { throw XMLError.invalidSchema(file: path, message: "DTD not readable") }
            defer { xmlFreeDtd(dtd) }
            guard let validity = xmlNewValidCtxt() else { throw XMLError.invalidSchema(file: path, message: "no memory") }
            defer { xmlFreeValidCtxt(validity) }
            if xmlValidateDtd(validity, document, dtd) != 1, collector.issues.isEmpty {
                collector.issues.append(XMLIssue(level: .error, message: "not valid against \(path)", line: 0, column: 0))
            }
        case let .xmlSchema(path):
            guard let parser = xmlSchemaNewParserCtxt(path) else { throw XMLError.invalidSchema(file: path, message: "not readable") }
            defer { xmlSchemaFreeParserCtxt(parser) }
            guard let compiled = xmlSchemaParse(parser) else { throw XMLError.invalidSchema(file: path, message: "does not compile") }
            defer { xmlSchemaFree(compiled) }
            collector.issues.removeAll()
            guard let validity = xmlSchemaNewValidCtxt(compiled) else { throw XMLError.invalidSchema(file: path, message: "no memory") }
            defer { xmlSchemaFreeValidCtxt(validity) }
            xmlSchemaSetValidStructuredErrors(validity, collectIssue, context)
            if xmlSchemaValidateDoc(validity, document) != 0, collector.issues.isEmpty {
                collector.issues.append(XMLIssue(level: .error, message: "not valid against \(path)", line: 0, column: 0))
            }
        case let .relaxNG(path):
            guard let parser = xmlRelaxNGNewParserCtxt(path) else { throw XMLError.invalidSchema(file: path, message: "not readable") }
            defer { xmlRelaxNGFreeParserCtxt(parser) }
            guard let compiled = xmlRelaxNGParse(parser) else { throw XMLError.invalidSchema(file: path, message: "does not compile") }
            defer { xmlRelaxNGFree(compiled) }
            collector.issues.removeAll()
            guard let validity = xmlRelaxNGNewValidCtxt(compiled) else { throw XMLError.invalidSchema(file: path, message: "no memory") }
            defer { xmlRelaxNGFreeValidCtxt(validity) }
            xmlRelaxNGSetValidStructuredErrors(validity, collectIssue, context)
            if xmlRelaxNGValidateDoc(validity, document) != 0, collector.issues.isEmpty {
                collector.issues.append(XMLIssue(level: .error, message: "not valid against \(path)", line: 0, column: 0))
            }
        }
        return collector.issues.filter { $0.level != .warning }
    }
}

private final class IssueCollector {
    var issues: [XMLIssue] = []
}

private func collectIssue(_ userData: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let userData, let error else { return }
    let collector = Unmanaged<IssueCollector>.fromOpaque(userData).takeUnretainedValue()
    collector.issues.append(XMLIssue(libxml2: error))
}
