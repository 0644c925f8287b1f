import ConcordFormats
import ConcordMemory
import ConcordSegmentation
import ConcordText
import ConcordXML

/// What ``ConcordError/init(_:)`` needs to know of a module's error.
struct Classification {
    var id: String
    var kind: FailureKind
    var file: String? = nil
    var line: Int? = nil
    var column: Int? = nil
}

extension ConcordError {
    static func classify(_ error: any Error) -> Classification {
        switch error {
        case let error as FormatError: return classify(error)
        case let error as XMLError: return classify(error)
        case let error as MemoryStoreError: return classify(error)
        case let error as WorkflowError:
            switch error {
            case .usage: return Classification(id: "request.usage", kind: .badRequest)
            }
        case let error as TextError:
            switch error {
            case .timedOut: return Classification(id: "text.pattern-timed-out", kind: .invalidInput)
            case .invalidPattern: return Classification(id: "text.invalid-pattern", kind: .invalidInput)
            case .noStemmer, .unknownTransform, .icu: return Classification(id: "text.icu", kind: .invalidInput)
            }
        case let error as SegmentationError:
            switch error {
            case .invalidRule, .unknownLanguageRule: return Classification(id: "segmentation.invalid-rules", kind: .invalidInput)
            case .ruleTimedOut: return Classification(id: "segmentation.rule-timed-out", kind: .invalidInput)
            case .icu: return Classification(id: "segmentation.icu", kind: .invalidInput)
            }
        default:
            return Classification(id: "io.failed", kind: .inputOutput)
        }
    }

    private static func classify(_ error: FormatError) -> Classification {
        switch error {
        case let .notWellFormed(file, line, column, _):
            return Classification(id: "format.not-well-formed", kind: .invalidInput, file: file, line: line, column: column)
        case let .wrongRoot(file, line, column, _, _):
            return Classification(id: "format.wrong-root", kind: .invalidInput, file: file, line: line, column: column)
        case let .missingPart(file, line, column, _):
            return Classification(id: "format.missing-part", kind: .invalidInput, file: file, line: line, column: column)
        case let .badTable(file, line, column, _):
            return Classification(id: "format.bad-table", kind: .invalidInput, file: file, line: line, column: column)
        case let .missingFile(file): return Classification(id: "input.missing", kind: .missingInput, file: file)
        case let .cannotOpen(file, _): return Classification(id: "input.cannot-open", kind: .missingInput, file: file)
        case let .cannotCreate(file, _): return Classification(id: "output.cannot-create", kind: .cannotCreateOutput, file: file)
        case let .io(file, _): return Classification(id: "io.failed", kind: .inputOutput, file: file)
        case let .unknownFormat(file, _): return Classification(id: "request.unknown-format", kind: .badRequest, file: file)
        case let .outputIsInput(output, _): return Classification(id: "request.output-is-input", kind: .badRequest, file: output)
        case .unknownEncoding: return Classification(id: "request.unknown-encoding", kind: .badRequest)
        case .outputClosed: return Classification(id: "output.closed", kind: .inputOutput)
        }
    }

    private static func classify(_ error: XMLError) -> Classification {
        switch error {
        case let .notWellFormed(file, line, column, _):
            return Classification(id: "format.not-well-formed", kind: .invalidInput, file: file, line: line, column: column)
        case let .invalidSchema(file, _): return Classification(id: "format.invalid-schema", kind: .invalidInput, file: file)
        case let .cannotOpen(file, _): return Classification(id: "input.cannot-open", kind: .missingInput, file: file)
        case let .io(file, _): return Classification(id: "io.failed", kind: .inputOutput, file: file)
        case .writeFailed: return Classification(id: "output.cannot-create", kind: .cannotCreateOutput)
        }
    }

    private static func classify(_ error: MemoryStoreError) -> Classification {
        switch error {
        case let .notAStore(path, _): return Classification(id: "store.not-a-store", kind: .invalidInput, file: path)
        case let .corrupt(path, _): return Classification(id: "store.damaged", kind: .invalidInput, file: path)
        case let .missingStore(path): return Classification(id: "store.missing", kind: .missingInput, file: path)
        case let .cannotWrite(path, _): return Classification(id: "store.cannot-write", kind: .cannotCreateOutput, file: path)
        case let .busy(path): return Classification(id: "store.busy", kind: .busy, file: path)
        case let .database(path, _, _): return Classification(id: "store.io", kind: .inputOutput, file: path)
        case let .missingUnit(path, _): return Classification(id: "store.missing-unit", kind: .inputOutput, file: path)
        case let .outdatedForIndex(path): return Classification(id: "store.outdated", kind: .invalidInput, file: path)
        case let .indexNotWritten(path, _): return Classification(id: "store.index-not-written", kind: .cannotCreateOutput, file: path)
        }
    }
}
