/// What kind of failure stopped an operation. Each front end maps a kind to its own
/// terms: the CLI to an exit status, the server to an HTTP status.
public enum FailureKind: String, Codable, Sendable, CaseIterable {
    /// The request is contradictory or incomplete (a wrong option, an output that is an input).
    case badRequest
    /// An input is not what it claims to be (broken XML, a file that is not a store).
    case invalidInput
    /// An input does not exist.
    case missingInput
    /// An output (a file, a store) cannot be created or changed.
    case cannotCreateOutput
    /// Reading or writing failed part-way (a full disk).
    case inputOutput
    /// Another process holds what is needed; try again later.
    case busy

    /// The CLI contract's exit status (sysexits.h).
    public var exitStatus: ExitStatus {
        switch self {
        case .badRequest: return .usage
        case .invalidInput: return .dataError
        case .missingInput: return .noInput
        case .cannotCreateOutput: return .cannotCreateOutput
        case .inputOutput: return .ioError
        case .busy: return .temporaryFailure
        }
    }

    /// The HTTP status `concord serve` answers with.
    public var httpStatus: Int {
        switch self {
        case .badRequest, .invalidInput: return 400
        case .missingInput: return 404
        case .cannotCreateOutput, .inputOutput: return 500
        case .busy: return 503
        }
    }
}
