import ConcordModel

/// Errors raised by workflows when the request itself cannot be carried out.
public enum WorkflowError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The user asked for something contradictory or incomplete.
    case usage(String)

    public var description: String {
        switch self {
        case let .usage(message): return message
        }
    }
}
