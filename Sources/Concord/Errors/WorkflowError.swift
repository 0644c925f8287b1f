import ConcordModel

/// Errors raised by workflows when the request itself cannot be carried out.
public enum WorkflowError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The user asked for something contradictory or incomplete.
    case usage(String)
    /// An input file does not exist.
    case missingInput(path: String)

    public var description: String {
        switch self {
        case let .usage(message): return message
        case let .missingInput(path): return "\(path): no such file"
        }
    }
}
