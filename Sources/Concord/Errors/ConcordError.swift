import ConcordFormats
import ConcordMemory
import ConcordModel
import ConcordSegmentation
import ConcordText
import ConcordXML

/// An error that stopped an operation, in the terms every front end uses: a stable id,
/// a message that says what to do, its kind (and so the exit and HTTP status), where in
/// the input it happened, and the error it came from. Every module's error becomes one
/// of these in ``init(_:)``, the one place errors are classified.
public struct ConcordError: Error, Sendable, CustomStringConvertible, Encodable {
    /// A stable dotted id, e.g. `store.busy`, `format.not-well-formed`.
    public let id: String
    public let message: String
    public let kind: FailureKind
    /// The file, and line and column when known (1-based).
    public let file: String?
    public let line: Int?
    public let column: Int?
    /// The module's own error this one classifies.
    public let underlying: (any Error)?

    public var exitStatus: ExitStatus { kind.exitStatus }
    public var httpStatus: Int { kind.httpStatus }
    public var description: String { message }

    public init(id: String, kind: FailureKind, message: String, file: String? = nil, line: Int? = nil, column: Int? = nil,
                underlying: (any Error)? = nil) {
        self.id = id
        self.kind = kind
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.underlying = underlying
    }

    /// `error` classified; an error no module declared is an I/O failure.
    public init(_ error: any Error) {
        if let error = error as? ConcordError {
            self = error
            return
        }
        let classified = Self.classify(error)
        self.init(id: classified.id, kind: classified.kind, message: String(describing: error),
                  file: classified.file, line: classified.line, column: classified.column,
                  underlying: error)
    }

    private enum CodingKeys: String, CodingKey { case id, message, file, line, column }

    /// `{"id", "message", "file", "line", "column"}`, as the server's `{"error": ...}` carries it.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(message, forKey: .message)
        try container.encodeIfPresent(file, forKey: .file)
        try container.encodeIfPresent(line, forKey: .line)
        try container.encodeIfPresent(column, forKey: .column)
    }
}
