/// Process exit codes of the CLI contract (sysexits.h where one fits).
public enum ExitStatus: Int32, Sendable {
    case success = 0
    /// `check` or `validate` found problems of severity error.
    case findings = 1
    case usage = 64
    /// Input that cannot be read as what it claims to be.
    case dataError = 65
    case noInput = 66
    case cannotCreateOutput = 73
    case ioError = 74
    /// Try again later: a store locked by another writer past the busy timeout.
    case temporaryFailure = 75
}
