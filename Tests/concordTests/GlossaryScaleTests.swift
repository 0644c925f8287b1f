import ConcordTestSupport
import Foundation
import Testing

/// Glossaries far wider and terms far longer than real ones. Each command runs
/// under a generous CPU-time limit (`ulimit -t`) as a guard against a hang, not
/// as a measure of speed: the quadratic paths took minutes here.
@Suite struct GlossaryScaleTests {
    static func guarded(_ command: String, in directory: URL) throws -> TestSupport.RunResult {
        try OutputSafetyTests.shell("ulimit -t 120; ulimit -v 2000000; " + command, in: directory)
    }

    @Test func tenThousandLanguageColumnsAreValidated() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let tags: [String] = (0..<10_000).map { (number: Int) -> String in
            let first = letters[number / 676 % 26], second = letters[number / 26 % 26], third = letters[number % 26]
            return String([first, second, third])
        }
        let table = tags.joined(separator: ",") + "\n" + tags.map { "term-\($0)" }.joined(separator: ",") + "\n"
        try table.write(to: directory.appendingPathComponent("wide.csv"), atomically: true, encoding: .utf8)
        let result = try Self.guarded("$CONCORD glossary validate wide.csv --json", in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"valid\":true"))
    }

    @Test func aTermOfAMegabyteIsFound() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let words = (0..<200_000).map { "w\($0 % 1000)" }.joined(separator: " ")
        try "en,ru\n\"\(words)\",длинный термин\n".write(to: directory.appendingPathComponent("long.csv"), atomically: true, encoding: .utf8)
        try "Before. \(words) after\n".write(to: directory.appendingPathComponent("doc.txt"), atomically: true, encoding: .utf8)
        let result = try Self.guarded("$CONCORD terms doc.txt --glossary long.csv --from en --to ru --json --presegmented", in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("длинный термин"))
    }

    @Test func duplicateConceptIDsAndEmptyTermsAreErrors() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "id,en,ru\nc1,summit,саммит\nc1,charter,хартия\nc2,\" \",пусто\n".write(to: directory.appendingPathComponent("g.csv"), atomically: true, encoding: .utf8)
        let result = try TestSupport.runConcord(["glossary", "validate", "g.csv"], directory: directory)
        #expect(result.status == 1)
        #expect(result.stdout.contains("glossary.duplicate-concept-id"))
    }
}
