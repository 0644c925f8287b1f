import ConcordModel
import Foundation
import Testing
@testable import ConcordFormats

@Suite struct DelimitedTableTests {
    /// Found by fuzz-tables (a leak in Foundation's file reading of an empty file): files are read
    /// with POSIX calls; an empty table is no units and no concepts, and binary data is refused.
    @Test func emptyAndBinaryTableFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("concord-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty.csv").path
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        var reader = try TableUnitReader(path: empty, delimiter: .comma)
        #expect(try reader.next() == nil)
        #expect(try GlossaryTable.read(.file(empty), delimiter: .comma).concepts.isEmpty)
        let binary = folder.appendingPathComponent("image.csv").path
        _ = FileManager.default.createFile(atPath: binary, contents: Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D, 0xFF, 0xD8, 0, 1]))
        #expect(throws: FormatError.self) { reader = try TableUnitReader(path: binary, delimiter: .comma) }
        #expect(throws: FormatError.self) { _ = try GlossaryTable.read(.file(binary), delimiter: .tab) }
    }

    @Test func csvQuotingFollowsRFC4180() throws {
        let line = DelimitedTableWriter.line(["a,b", "say \"hi\"", "two\nlines", "plain"], delimiter: .comma)
        #expect(line == "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",plain\r\n")
        let rows = try DelimitedTableReader(fileName: "t.csv", delimiter: .comma).rows(in: "en,ru\r\n" + line)
        #expect(rows.map(\.fields) == [["en", "ru"], ["a,b", "say \"hi\"", "two\nlines", "plain"]])
        #expect(rows[1].line == 2)
    }

    @Test func tsvEscapesTabNewlineAndBackslash() throws {
        let line = DelimitedTableWriter.line(["a\tb", "c\nd", "e\\f"], delimiter: .tab)
        #expect(line == "a\\tb\tc\\nd\te\\\\f\n")
        let rows = try DelimitedTableReader(fileName: "t.tsv", delimiter: .tab).rows(in: line)
        #expect(rows[0].fields == ["a\tb", "c\nd", "e\\f"])
    }

    @Test func brokenCSVIsReportedWithLineAndColumn() {
        #expect(throws: FormatError.badTable(file: "t.csv", line: 2, column: 1, message: "a quoted field is never closed")) {
            _ = try DelimitedTableReader(fileName: "t.csv", delimiter: .comma).rows(in: "en,ru\n\"open,x\n")
        }
        #expect(throws: FormatError.self) {
            _ = try DelimitedTableReader(fileName: "t.csv", delimiter: .comma).rows(in: "en,ru\nab\"c,d\n")
        }
    }

    @Test func headerMustNameLanguages() {
        let header = DelimitedTableReader.Row(fields: ["en", "Russian text"], line: 1)
        #expect(throws: FormatError.self) { _ = try TableUnitReader.columns(of: header, file: "t.csv") }
    }
}
