import ConcordTestSupport
import Foundation
import Testing

/// `concord diagnostics` and the one severity rule between `tmx stats` and `tmx validate`.
@Suite struct DiagnosticsCommandTests {
    static let flawed = """
    <?xml version="1.0" encoding="UTF-8"?>
    <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>
    <body>
    <tu tuid="1"><tuv xml:lang="en"><seg>A <bpt i="1">&lt;b&gt;</bpt>bold claim</seg></tuv><tuv xml:lang="ru"><seg>Смелое заявление</seg></tuv></tu>
    <tu tuid="2"><tuv xml:lang="en"><seg>Only English</seg></tuv></tu>
    <tu tuid="3" changedate="yesterday"><tuv xml:lang="en_GB!"><seg>Hello</seg></tuv><tuv xml:lang="ru"><seg>Привет</seg></tuv></tu>
    </body></tmx>
    """

    static func catalog() throws -> [String: [String: String]] {
        let result = try TestSupport.runConcord(["diagnostics", "--json"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let list = try #require(object?["diagnostics"] as? [[String: String]])
        return Dictionary(uniqueKeysWithValues: list.map { ($0["id"]!, $0) })
    }

    @Test func theCatalogListsEveryKindWithSeverityAndSummary() throws {
        let catalog = try Self.catalog()
        #expect(catalog.count >= 30)
        for (id, entry) in catalog {
            #expect(["warning", "error"].contains(entry["severity"]), "\(id)")
            #expect(!(entry["summary"] ?? "").isEmpty, "\(id)")
        }
        let text = try TestSupport.runConcord(["diagnostics"])
        #expect(text.stdout.contains("tmx.unpaired-code"))
        #expect(text.stdout.contains("error in tmx validate"))
    }

    @Test func statsAndValidateJudgeEachFindingByTheCatalog() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("flawed.tmx")
        try Self.flawed.write(to: file, atomically: true, encoding: .utf8)
        let catalog = try Self.catalog()
        func findings(_ arguments: [String]) throws -> [[String: Any]] {
            let result = try TestSupport.runConcord(arguments)
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            return try #require(object?["diagnostics"] as? [[String: Any]])
        }
        let stats = try findings(["tmx", "stats", file.path, "--json"])
        let validation = try findings(["tmx", "validate", file.path, "--json"])
        #expect(Set(stats.compactMap { $0["id"] as? String }).isSuperset(of: ["tmx.unpaired-code", "tmx.single-language", "tmx.bad-date", "tmx.invalid-language"]))
        for finding in stats {
            let id = finding["id"] as! String
            #expect(finding["severity"] as? String == catalog[id]?["severity"], "\(id) in stats")
        }
        for finding in validation {
            let id = finding["id"] as! String
            #expect(finding["severity"] as? String == catalog[id]?["strictSeverity"], "\(id) in validate")
        }
    }
}
