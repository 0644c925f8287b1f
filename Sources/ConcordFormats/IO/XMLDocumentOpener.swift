import ConcordXML

/// Opens an XML file for the format readers, with the open error in this module's terms.
enum XMLDocumentOpener {
    static func open(path: String) throws -> XMLPullReader {
        do {
            return try XMLPullReader(path: path)
        } catch let error as XMLError {
            throw FormatError(error, reading: path)
        }
    }
}
