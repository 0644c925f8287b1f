import Concord
import ConcordTestSupport
import Foundation
import Testing

/// Every module's error becomes one ConcordError: id, kind, exit and HTTP status, position, cause.
@Suite struct ConcordErrorTests {
    @Test func formatErrorsKeepTheirPositionAndBecomeInvalidInput() {
        let error = ConcordError(FormatError.notWellFormed(file: "a.tmx", line: 3, column: 7, message: "boom"))
        #expect(error.id == "format.not-well-formed")
        #expect(error.kind == .invalidInput)
        #expect(error.exitStatus == .dataError)
        #expect(error.httpStatus == 400)
        #expect((error.file, error.line, error.column) == ("a.tmx", 3, 7))
        #expect(error.message == "a.tmx:3:7: boom")
        #expect(error.underlying as? FormatError == .notWellFormed(file: "a.tmx", line: 3, column: 7, message: "boom"))
    }

    @Test func storeErrorsAreClassifiedByWhatTheUserCanDo() {
        let cases: [(MemoryStoreError, String, Concord.ExitStatus, Int)] = [
            (.notAStore(path: "x", reason: "r"), "store.not-a-store", .dataError, 400),
            (.missingStore(path: "x"), "store.missing", .noInput, 404),
            (.cannotWrite(path: "x", reason: "r"), "store.cannot-write", .cannotCreateOutput, 500),
            (.busy(path: "x"), "store.busy", .temporaryFailure, 503),
            (.corrupt(path: "x", detail: "d"), "store.damaged", .dataError, 400),
        ]
        for (storeError, id, status, http) in cases {
            let error = ConcordError(storeError)
            #expect(error.id == id)
            #expect(error.exitStatus == status)
            #expect(error.httpStatus == http)
            #expect(error.file == "x")
        }
    }

    @Test func aRealStoreFailureKeepsSQLitesErrorAsItsCause() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("not-a-store.tmdb").path
        try Data("this is not SQLite at all, just some text that fills the header".utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try MemoryStore(path: path, access: .readOnly)
            Issue.record("a text file opened as a store")
        } catch {
            let classified = ConcordError(error)
            #expect(classified.id == "store.not-a-store")
            #expect(classified.exitStatus == .dataError)
            #expect(classified.message.hasPrefix(path))
        }
    }

    @Test func usageAndMissingInputAndUnknownErrors() {
        #expect(ConcordError(WorkflowError.usage("give --to")).exitStatus == .usage)
        #expect(ConcordError(FormatError.missingFile("m.tmx")).httpStatus == 404)
        #expect(ConcordError(FormatError.missingFile("m.tmx")).id == "input.missing")
        struct Strange: Error {}
        let strange = ConcordError(Strange())
        #expect(strange.kind == .inputOutput)
        #expect(strange.exitStatus == .ioError)
    }

    @Test func theErrorEncodesAsTheServersErrorObject() throws {
        let error = ConcordError(FormatError.cannotOpen(file: "g.tbx", reason: "no such file"))
        let json = try ConcordJSON.string(error)
        #expect(json == #"{"file":"g.tbx","id":"input.cannot-open","message":"g.tbx: cannot open: no such file"}"#)
    }
}
