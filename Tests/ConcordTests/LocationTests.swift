import Concord
import ConcordTestSupport
import Foundation
import Testing

/// Workflows read and write through locations: a file, a stream, or memory (as a server will).
@Suite struct LocationTests {
    static let memory = Array(MemoryWorkflowTests.memory.utf8)

    @Test func aMemoryInBytesIsReadLikeAFile() throws {
        let input = InputLocation.bytes(name: "upload.tmx", content: Self.memory)
        let statistics = try MemoryStatistics.compute(input).report
        #expect(statistics.units == 2)
        #expect(try TMXValidation.validate(input).valid)
    }

    @Test func aConversionCanBeCollectedInMemory() throws {
        let output = MemoryOutput()
        let report = try MemoryConversion.convert(input: .bytes(name: "upload.tmx", content: Self.memory), output: .memory(output))
        #expect(report.unitsWritten == 2)
        let text = String(decoding: output.bytes, as: UTF8.self)
        #expect(text.hasPrefix("<?xml"))
        #expect(text.contains("Переговоры завершились."))
    }

    @Test func aBrokenUploadIsRecoveredFromItsBytes() throws {
        let broken = MemoryWorkflowTests.memory.replacingOccurrences(of: "</body></tmx>", with: "<tu><tuv xml:lang=\"en\"><seg>cut")
        let source = try UnitSourceOpener.open(.bytes(name: "broken.tmx", content: Array(broken.utf8)), recover: true)
        var units = 0
        while try source.next() != nil { units += 1 }
        #expect(units == 2)
        #expect(source.diagnostics.contains { $0.id == "tmx.not-well-formed" })
    }

    @Test func aMissingFileIsOneErrorEverywhere() throws {
        let missing = InputLocation.file("/nonexistent/memory.tmx")
        for attempt in [{ _ = try MemoryStatistics.compute(missing) }, { _ = try TMXValidation.validate(missing) },
                        { _ = try TermLookup.glossaries([missing]) }] as [() throws -> Void] {
            do {
                try attempt()
                Issue.record("a missing file was read")
            } catch {
                #expect(ConcordError(error).id == "input.missing")
                #expect(ConcordError(error).message == "/nonexistent/memory.tmx: no such file")
            }
        }
    }
}
