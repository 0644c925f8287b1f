import ConcordTestSupport
import Foundation
import Testing

/// The index files beside a store, as a user meets them: made by the import, shown by
/// `tm stats`, kept in step by edits, rebuilt with a warning when damaged, and by `tm reindex`.
@Suite struct StoreIndexCommandTests {
    @Test func theIndexIsMadeByTheImportShownKeptInStepAndRebuilt() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pair = try MemoryPair(TMStoreCommandTests.memory, in: directory)
        let db = directory.appendingPathComponent("m.tmdb").path
        #expect(try TestSupport.runConcord(["tm", "import", pair.older.path, "--db", db]).status == 0)

        // The import indexed its source language (en) against the others.
        let stats = try TestSupport.runConcord(["tm", "stats", "--db", db])
        #expect(stats.stdout.contains("en → ru:") && stats.stdout.contains("en → zh:") && stats.stdout.contains(": current"), "\(stats.stdout)")
        let json = try TestSupport.runConcord(["tm", "stats", "--db", db, "--json"]).stdout
        #expect(json.contains(#""state":"current""#) && json.contains(#""generation":2"#), "\(json)")

        // An edit keeps the files current; the lookup sees the edit and says nothing.
        #expect(try TestSupport.runConcord(["tm", "edit", "--db", db, "--tuid", "b", "--lang", "en", "--text", "Talks were held."]).status == 0)
        #expect(try TestSupport.runConcord(["tm", "stats", "--db", db]).stdout.contains("en → ru:") )
        #expect(!(try TestSupport.runConcord(["tm", "stats", "--db", db]).stdout.contains("rebuilt at next use")))
        let lookup = try TestSupport.runConcord(["tm", "lookup", "Talks were held.", "--db", db, "--from", "en", "--to", "ru", "--json"])
        #expect(lookup.stdout.contains("\"score\":100") && lookup.stderr.isEmpty, "\(lookup.stderr)")

        // A damaged file: stats says it will be rebuilt; the lookup rebuilds it, warns, and answers right.
        let file = db + ".index/en_ru.cidx"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        bytes[700] ^= 0xFF                                  // in the vocabulary table
        try bytes.write(to: URL(fileURLWithPath: file))
        let damaged = try TestSupport.runConcord(["tm", "lookup", "Talks were held.", "--db", db, "--from", "en", "--to", "ru", "--json"])
        #expect(damaged.status == 0 && damaged.stdout.contains("\"score\":100"))
        #expect(damaged.stderr.contains("memory.index-rebuilt") && damaged.stderr.contains("damaged"), "\(damaged.stderr)")
        let again = try TestSupport.runConcord(["tm", "lookup", "Talks were held.", "--db", db, "--from", "en", "--to", "ru"])
        #expect(again.stderr.isEmpty, "\(again.stderr)")

        // A file cut short is reported by stats only when read; reindex rebuilds it by hand.
        try Data(bytes.prefix(50)).write(to: URL(fileURLWithPath: file))
        #expect(try TestSupport.runConcord(["tm", "stats", "--db", db]).stdout.contains("rebuilt at next use (the index file is cut short"))
        let reindex = try TestSupport.runConcord(["tm", "reindex", "--db", db, "--from", "en", "--to", "ru"])
        #expect(reindex.status == 0 && reindex.stderr.contains("en → ru:"), "\(reindex.stderr)")
        #expect(!(try TestSupport.runConcord(["tm", "stats", "--db", db]).stdout.contains("rebuilt at next use")))
        // A pair the store does not have (a language typed wrongly) gets a warning, not an index file.
        let wrong = try TestSupport.runConcord(["tm", "lookup", "Talks were held.", "--db", db, "--from", "en", "--to", "de"])
        #expect(wrong.status == 0 && wrong.stderr.contains("memory.no-language-pair"), "\(wrong.stderr)")
        #expect(!(try TestSupport.runConcord(["tm", "stats", "--db", db]).stdout.contains("en → de")))
        let onlyOne = try TestSupport.runConcord(["tm", "reindex", "--db", db, "--from", "en"])
        #expect(onlyOne.status == 64 && onlyOne.stderr.contains("--from and --to"))
        #expect(try TestSupport.runConcord(["tm", "reindex", "--db", directory.appendingPathComponent("none.tmdb").path]).status != 0)
    }

    /// One process imports while another looks up: every lookup answers from a consistent index
    /// (the file it mapped, or one it rebuilt), and afterwards the file is current.
    @Test func lookupsWhileAnotherProcessImports() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func memory(_ range: Range<Int>) -> String {
            let units = range.map { number in
                "<tu tuid=\"t\(number)\"><tuv xml:lang=\"en\"><seg>Item \(number) of the agenda was adopted by the council.</seg></tuv>"
                    + "<tuv xml:lang=\"ru\"><seg>Пункт \(number) повестки дня принят советом.</seg></tuv></tu>"
            }
            return #"<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/><body>"#
                + units.joined(separator: "\n") + "</body></tmx>"
        }
        let first = directory.appendingPathComponent("first.tmx"), second = directory.appendingPathComponent("second.tmx")
        try memory(0..<200).write(to: first, atomically: true, encoding: .utf8)
        try memory(200..<20_200).write(to: second, atomically: true, encoding: .utf8)
        let db = directory.appendingPathComponent("m.tmdb").path
        #expect(try TestSupport.runConcord(["tm", "import", first.path, "--db", db]).status == 0)

        let importer = Process()
        importer.executableURL = TestSupport.concordExecutable
        importer.arguments = ["tm", "import", second.path, "--db", db]
        importer.standardError = FileHandle.nullDevice
        try importer.run()
        var lookups = 0
        // Bounded: at most 20 lookups, while the import runs.
        while importer.isRunning, lookups < 20 {
            let lookup = try TestSupport.runConcord(["tm", "lookup", "Item 7 of the agenda was adopted by the council.", "--db", db,
                                                     "--from", "en", "--to", "ru", "--json"])
            #expect(lookup.status == 0, "\(lookup.stderr)")
            #expect(lookup.stdout.contains("Пункт 7 повестки дня принят советом."), "\(lookup.stdout)")
            lookups += 1
        }
        importer.waitUntilExit()
        #expect(importer.terminationStatus == 0)
        #expect(lookups >= 1, "the import ended before the first lookup: nothing was looked up alongside it")
        let after = try TestSupport.runConcord(["tm", "lookup", "Item 20199 of the agenda was adopted by the council.", "--db", db,
                                                "--from", "en", "--to", "ru", "--json"])
        #expect(after.stdout.contains("\"score\":100") && after.stderr.isEmpty, "\(after.stderr)")
        #expect(!(try TestSupport.runConcord(["tm", "stats", "--db", db]).stdout.contains("rebuilt at next use")))
    }
}
