import ConcordTestSupport
import Foundation
import Testing

/// The README's tour, run as typed, line by line, in a fresh folder holding the
/// package's shipped files: every command must succeed (or exit as its comment says).
@Suite struct ReadmeTourTests {
    /// The tour's commands: continuation lines joined, comments kept apart.
    static func tour() throws -> [(command: String, comment: String)] {
        let readme = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## A short tour").dropFirst().first)
        let block = try #require(section.components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "```").first)
        var commands: [(String, String)] = []
        var pending = ""
        for line in block.split(separator: "\n").map(String.init) {
            let (code, comment) = split(line)
            if code.hasSuffix("\\") {
                pending += code.dropLast() + " "
                continue
            }
            commands.append((pending + code, comment))
            pending = ""
        }
        return commands
    }

    /// A line's command and its `# comment` (a `#` after two spaces, outside quotes).
    private static func split(_ line: String) -> (String, String) {
        guard let range = line.range(of: "  #") else { return (line.trimmingCharacters(in: .whitespaces), "") }
        return (String(line[..<range.lowerBound]).trimmingCharacters(in: .whitespaces), String(line[range.upperBound...]))
    }

    @Test func theTourRunsAsTyped() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for folder in ["Examples", "TMX", "Glossaries"] {
            try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent(folder), to: directory.appendingPathComponent(folder))
        }
        let commands = try Self.tour()
        #expect(commands.count > 20)
        for (command, comment) in commands {
            #expect(command.hasPrefix("concord "), "\(command)")
            let result = try OutputSafetyTests.shell("\"$CONCORD\" " + command.dropFirst("concord ".count), in: directory)
            let expected: Int32 = comment.trimmingCharacters(in: .whitespaces).hasPrefix("exit 1:") ? 1 : 0
            #expect(result.status == expected, "\(command): \(result.stderr)")
        }
    }
}
