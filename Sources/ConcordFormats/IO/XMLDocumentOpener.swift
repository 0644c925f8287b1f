import ConcordXML

/// Opens an XML file for the format readers, with the open error in this module's terms.
enum XMLDocumentOpener {
    static func open(_ input: InputLocation) throws -> XMLPullReader {
        do {
            return try XMLPullReader(source: input.byteSource(), fileName: input.name)
        } catch let error as XMLError {
            throw FormatError(error, reading: input.name)
        }
    }
}
