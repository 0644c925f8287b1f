import ConcordTestSupport
import Foundation
import Testing

/// A memory full of entity and character references, in units of varied
/// length so that the references fall on every byte of the store's batch
/// documents: import, export, lookup and concordance must all read them back.
@Suite struct StoreReferenceTests {
    static let references = ["&amp;", "&lt;", "&gt;", "&quot;", "&#65;", "&#x41;", "&#x4E2D;", "&#x1F600;"]
    static let meanings = ["&", "<", ">", "\"", "A", "A", "中", "😀"]
    static let fillers = ["e", "é", "中", "😀"]

    static func memory(units: Int) -> (tmx: String, sources: [String]) {
        var body = ""
        var sources: [String] = []
        for number in 0..<units {
            let kind = number % references.count
            let filler = String(repeating: fillers[number % fillers.count], count: number % 37)
            body += "<tu tuid=\"u\(number)\"><tuv xml:lang=\"en\"><seg>Item \(number) \(filler)\(references[kind])\(filler) text</seg></tuv>"
            body += "<tuv xml:lang=\"ru\"><seg>Пункт \(number) \(references[(kind + 1) % references.count])</seg></tuv></tu>\n"
            sources.append("Item \(number) \(filler)\(meanings[kind])\(filler) text")
        }
        let header = #"<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/><body>"#
        return (header + body + "</body></tmx>\n", sources)
    }

    @Test func referencesSurviveImportExportAndLookup() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (tmx, sources) = Self.memory(units: 1500)
        let file = directory.appendingPathComponent("refs.tmx")
        try tmx.write(to: file, atomically: true, encoding: .utf8)
        let db = directory.appendingPathComponent("refs.tmdb").path
        let imported = try TestSupport.runConcord(["tm", "import", file.path, "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")

        // Export to JSON Lines: every source comes back as it went in.
        let lines = directory.appendingPathComponent("out.jsonl").path
        let exported = try TestSupport.runConcord(["tm", "export", "--db", db, "-o", lines])
        #expect(exported.status == 0, "\(exported.stderr)")
        let text = try String(contentsOfFile: lines, encoding: .utf8)
        for source in sources {
            let encoded = String(decoding: try JSONEncoder().encode(source), as: UTF8.self)
            #expect(text.contains(encoded), "\(source) missing")
        }

        // Look every 10th unit up against the store: every query answered, every line whole JSON.
        let queries = directory.appendingPathComponent("queries.txt")
        let asked = stride(from: 0, to: sources.count, by: 10).map { sources[$0] }
        try asked.joined(separator: "\n").write(to: queries, atomically: true, encoding: .utf8)
        let lookup = try TestSupport.runConcord(["tm", "lookup", "--queries", queries.path, "--presegmented", "--db", db, "--from", "en", "--to", "ru", "--json", "--limit", "50"])
        #expect(lookup.status == 0, "\(lookup.stderr)")
        let answers = lookup.stdout.split(separator: "\n")
        #expect(answers.count == asked.count)
        for answer in answers {
            let object = try JSONSerialization.jsonObject(with: Data(answer.utf8)) as? [String: Any]
            let best = (object?["matches"] as? [[String: Any]])?.first
            #expect(best?["score"] as? Int == 100, "\(answer.prefix(200))")
        }

        let concordance = try TestSupport.runConcord(["tm", "concordance", "text", "--db", db, "--lang", "en", "--json"])
        #expect(concordance.status == 0, "\(concordance.stderr)")
    }
}
