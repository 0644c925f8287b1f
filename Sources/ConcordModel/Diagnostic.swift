/// A finding: a problem that does not stop the operation (a recoverable parse
/// problem, a QA result). Findings are values, never thrown.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Codable {
        case warning, error
    }

    /// A stable dotted id users can filter on, e.g. `tmx.unpaired-code`.
    public var id: String
    public var severity: Severity
    public var message: String
    public var file: String?
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, when known.
    public var column: Int?

    public init(id: String, severity: Severity, message: String, file: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.id = id
        self.severity = severity
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COL: severity: message [id]`, as compilers print.
    public var description: String {
        var location = ""
        if let file {
            location = file
            if let line {
                location += ":\(line)"
                if let column { location += ":\(column)" }
            }
            location += ": "
        }
        return "\(location)\(severity.rawValue): \(message) [\(id)]"
    }
}
