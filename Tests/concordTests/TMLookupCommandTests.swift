import ConcordTestSupport
import Foundation
import Testing

@Suite struct TMLookupCommandTests {
    static let memory = """
    <?xml version="1.0" encoding="UTF-8"?>
    <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>
    <body>
    <tu tuid="a"><prop type="x-context-pre">The delegates arrived.</prop><tuv xml:lang="en"><seg>The talks lasted 3 hours.</seg></tuv><tuv xml:lang="ru"><seg>Переговоры длились 3 часа.</seg></tuv></tu>
    <tu tuid="b"><tuv xml:lang="en"><seg>The SCO summit opened in Astana.</seg></tuv><tuv xml:lang="ru"><seg>Саммит ШОС открылся в Астане.</seg></tuv></tu>
    </body></tmx>
    """

    @Test func jsonLinePerQueryWithExplanations() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tmx = directory.appendingPathComponent("m.tmx")
        try Self.memory.write(to: tmx, atomically: true, encoding: .utf8)
        let queries = directory.appendingPathComponent("q.txt")
        try "The delegates arrived.\nThe talks lasted 5 hours.\nThe talks lasted 3 hours.\nThe SCO summit opened in Bishkek.\n".write(to: queries, atomically: true, encoding: .utf8)
        let result = try TestSupport.runConcord(["tm", "lookup", "--queries", queries.path, "--presegmented", "--tm", tmx.path + ":2", "--from", "en", "--to", "ru", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { $0["micros"] is Int })
        let number = try #require((lines[1]["matches"] as? [[String: Any]])?.first)
        #expect(number["score"] as? Int == 97) // 99 for the number, minus the memory penalty 2
        #expect((number["substitutions"] as? [[String: Any]])?.first?["to"] as? String == "5")
        #expect((number["substitutions"] as? [[String: Any]])?.first?["placed"] as? Bool == true)
        #expect(number["adaptedTarget"] as? String == "Переговоры длились 5 часа.")
        #expect(number["tuid"] as? String == "a")
        let fuzzy = try #require((lines[3]["matches"] as? [[String: Any]])?.first)
        #expect((fuzzy["diff"] as? [String])?.contains("+Bishkek") == true)
        #expect(try TestSupport.runConcord(["tm", "lookup", "x", "--from", "en", "--to", "ru"]).status == 64)
    }
}

extension TMLookupCommandTests {
    /// A query file is a document: its paragraphs are split into sentences before the lookup.
    @Test func aQueryFileIsSegmented() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try TMStoreCommandTests.memory.write(to: directory.appendingPathComponent("m.tmx"), atomically: true, encoding: .utf8)
        try "Talks ended. The summit opened.\n".write(to: directory.appendingPathComponent("release.txt"), atomically: true, encoding: .utf8)
        let segmented = try TestSupport.runConcord(["tm", "lookup", "--queries", "release.txt", "--tm", "m.tmx", "--from", "en", "--to", "ru", "--json"], directory: directory)
        #expect(segmented.status == 0, "\(segmented.stderr)")
        let lines = segmented.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.contains("\"score\":100") == true)
        let whole = try TestSupport.runConcord(["tm", "lookup", "--queries", "release.txt", "--presegmented", "--tm", "m.tmx", "--from", "en", "--to", "ru", "--json"], directory: directory)
        #expect(whole.stdout.split(separator: "\n").count == 1)
    }
}
