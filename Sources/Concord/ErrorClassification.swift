import ConcordFormats
import ConcordMemory
import ConcordModel
import ConcordSegmentation
import ConcordText
import ConcordXML

/// The one place where errors from every module become a message and an exit
/// status of the CLI contract (DESIGN.md). A server would use the same mapping.
public enum ErrorClassification {
    /// The exit status for `error`.
    public static func exitStatus(for error: Error) -> ExitStatus {
        switch error {
        case let error as FormatError: return error.exitStatus
        case let error as XMLError:
            switch error {
            case .notWellFormed, .invalidSchema: return .dataError
            case .cannotOpen: return .noInput
            case .io: return .ioError
            case .writeFailed: return .cannotCreateOutput
            }
        case let error as WorkflowError: return error.exitStatus
        case is TextError: return .dataError
        case is SegmentationError: return .dataError
        case let error as MemoryStoreError: return error.exitStatus
        default: return .ioError
        }
    }

    /// The message to show the user for `error`.
    public static func message(for error: Error) -> String {
        String(describing: error)
    }
}
