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
        let onlyOne = try TestSupport.runConcord(["tm", "reindex", "--db", db, "--from", "en"])
        #expect(onlyOne.status == 64 && onlyOne.stderr.contains("--from and --to"))
        #expect(try TestSupport.runConcord(["tm", "reindex", "--db", directory.appendingPathComponent("none.tmdb").path]).status != 0)
    }
}
