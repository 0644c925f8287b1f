import Concord

/// Thrown by a command that has already told the user what went wrong and
/// only needs the process to end with `status` (findings, for example).
struct CommandFailure: Error {
    let status: ExitStatus
}
