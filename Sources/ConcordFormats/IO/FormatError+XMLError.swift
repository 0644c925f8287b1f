import ConcordXML

extension FormatError {
    /// An XML layer error in the format readers' terms; `file` names the input for errors that carry no file.
    init(_ error: XMLError, reading file: String) {
        switch error {
        case let .notWellFormed(file, line, column, message):
            self = .notWellFormed(file: file, line: line, column: column, message: message)
        case let .cannotOpen(file, reason):
            self = .cannotOpen(file: file, reason: reason)
        case let .io(file, reason):
            self = .io(file: file, reason: reason)
        case .writeFailed, .invalidSchema:
            self = .io(file: file, reason: String(describing: error))
        }
    }
}
