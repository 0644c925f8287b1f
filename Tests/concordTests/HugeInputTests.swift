import ConcordTestSupport
import Foundation
import Testing

/// Inputs far larger than real ones must be answered in bounded memory: each
/// command runs under a 1.5 GB address-space limit (`ulimit -v`), so a
/// quadratic cost shows as a failure, not as a slow machine.
@Suite struct HugeInputTests {
    static let header = #"<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/><body>"#

    static func bounded(_ command: String, in directory: URL) throws -> TestSupport.RunResult {
        try OutputSafetyTests.shell("ulimit -v 1500000; " + command, in: directory)
    }

    @Test func aQueryOf200000WordsIsAnswered() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var units = ""
        for number in 0..<200 {
            units += "<tu><tuv xml:lang=\"en\"><seg>Item \(number) of the agenda was adopted.</seg></tuv><tuv xml:lang=\"ru\"><seg>Пункт \(number) принят.</seg></tuv></tu>\n"
        }
        try (Self.header + units + "</body></tmx>\n").write(to: directory.appendingPathComponent("m.tmx"), atomically: true, encoding: .utf8)
        let query = (0..<200_000).map { "word\($0 % 50_000)" }.joined(separator: " ")
        try query.write(to: directory.appendingPathComponent("q.txt"), atomically: true, encoding: .utf8)
        let result = try Self.bounded("$CONCORD tm lookup --queries q.txt --presegmented --tm m.tmx --from en --to ru --json", in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 1)
    }

    @Test func aUnitWithAThousandVariantsIsLookedUpInAStore() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var variants = ""
        for number in 0..<500 {
            variants += "<tuv xml:lang=\"en\"><seg>The summit opened today.</seg></tuv><tuv xml:lang=\"ru\"><seg>Саммит открылся \(number).</seg></tuv>\n"
        }
        try (Self.header + "<tu>" + variants + "</tu></body></tmx>\n").write(to: directory.appendingPathComponent("v.tmx"), atomically: true, encoding: .utf8)
        #expect(try TestSupport.runConcord(["tm", "import", "v.tmx", "--db", "v.db"], directory: directory).status == 0)
        for memory in ["--db v.db", "--tm v.tmx"] {
            let result = try Self.bounded("$CONCORD tm lookup 'The summit opened today.' \(memory) --from en --to ru --json", in: directory)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("\"score\":100"))
            #expect(result.stderr.contains("memory.too-many-variants"))
        }
    }
}

extension HugeInputTests {
    @Test func megabytesOfNULBytesGiveAShortReport() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var bytes = Array((Self.header + "<tu><tuv xml:lang=\"en\"><seg>").utf8)
        bytes += [UInt8](repeating: 0, count: 3_000_000)
        bytes += Array("</seg></tuv></tu></body></tmx>\n".utf8)
        try Data(bytes).write(to: directory.appendingPathComponent("nul.tmx"))
        let result = try Self.bounded("ulimit -v 600000; $CONCORD tmx stats nul.tmx --json", in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.utf8.count < 100_000)
        #expect(result.stdout.contains("2999900 more"))
    }
}
