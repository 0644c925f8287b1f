import ConcordModel
import Testing
@testable import ConcordFormats

@Suite struct DelimitedTableTests {
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
