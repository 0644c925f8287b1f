import ConcordModel
import ConcordTestSupport
import Foundation
import GRDB
import Testing
@testable import ConcordMemory

/// A codec for tests: one line per variant, `language<TAB>text`, after the tuid and date.
struct LineCodec: UnitCodec {
    struct Broken: Error {}

    func encode(_ unit: TranslationUnit) throws -> [UInt8] {
        var lines = [unit.tuid ?? "", unit.info.changeDate.map { String($0.secondsSinceEpoch) } ?? ""]
        lines += unit.variants.map { $0.language.canonical + "\t" + $0.segment.plainText }
        lines += unit.notes.map { "#" + $0.text }
        return Array(lines.joined(separator: "\n").utf8)
    }

    func decode(_ bytes: [UInt8]) throws -> TranslationUnit {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 2 else { throw Broken() }
        var unit = TranslationUnit(tuid: lines[0].isEmpty ? nil : String(lines[0]))
        unit.info.changeDate = Int64(lines[1]).map(Timestamp.init(secondsSinceEpoch:))
        for line in lines.dropFirst(2) {
            if line.hasPrefix("#") { unit.notes.append(Note(String(line.dropFirst()))); continue }
            let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            unit.variants.append(Variant(language: LanguageTag(String(parts[0])), segment: Segment(String(parts.count > 1 ? parts[1] : ""))))
        }
        return unit
    }
}

/// The store in-process: the v1 → v2 migration, merging duplicates, edit and delete.
@Suite struct MemoryStoreTests {
    static func unit(_ tuid: String, _ english: String, _ russian: String, date: Int64 = 0, note: String? = nil) -> TranslationUnit {
        var unit = TranslationUnit(tuid: tuid, variants: [Variant(language: LanguageTag("en"), segment: Segment(english)),
                                                          Variant(language: LanguageTag("ru"), segment: Segment(russian))])
        unit.info.changeDate = Timestamp(secondsSinceEpoch: date)
        if let note { unit.notes.append(Note(note)) }
        return unit
    }

    func withStorePath(_ body: (String) throws -> Void) throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try body(directory.appendingPathComponent("m.tmdb").path)
    }

    @Test func aVersion1StoreIsConvertedWhenOpenedForWriting() throws {
        try withStorePath { path in
            // The first layout, as Concord 0.1 wrote it: whole units only, no token rows.
            let codec = LineCodec()
            let old = try DatabaseQueue(path: path)
            try old.write { db in
                try db.execute(sql: """
                    CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                    INSERT INTO grdb_migrations VALUES ('v1');
                    CREATE TABLE unit (id INTEGER PRIMARY KEY AUTOINCREMENT, duplicateKey TEXT NOT NULL UNIQUE, tuid TEXT,
                                       latestDate INTEGER, languages TEXT NOT NULL, payload BLOB NOT NULL);
                    CREATE INDEX unit_tuid ON unit(tuid);
                    """)
                for (number, unit) in [Self.unit("1", "The summit opened.", "Саммит открылся."),
                                       Self.unit("2", "Talks ended.", "Переговоры завершились.")].enumerated() {
                    try db.execute(sql: "INSERT INTO unit (duplicateKey, tuid, languages, payload) VALUES (?, ?, 'en ru', ?)",
                                   arguments: ["key\(number)", unit.tuid, Data(try codec.encode(unit))])
                }
            }
            try old.close()
            #expect(throws: MemoryStoreError.self) { _ = try MemoryStore(path: path, codec: codec, access: .readOnly) }

            let store = try MemoryStore(path: path, codec: codec, access: .readWrite)
            #expect(try store.statistics() == StoreStatistics(units: 2, languages: ["en": 2, "ru": 2]))
            let index = try TranslationMemoryIndex()
            try index.add(store: store, from: LanguageTag("en"), to: LanguageTag("ru"), origin: "m")
            let match = try #require(try index.lookup(Segment("The summit opened.")).first)
            #expect(match.score == 100)
            #expect(match.entry.target.segment.plainText == "Саммит открылся.")
            // Read-only opening now works: the layout is current.
            #expect(try MemoryStore(path: path, codec: codec, access: .readOnly).statistics().units == 2)
        }
    }

    @Test func duplicatesMergeKeepingTheNewestDateAndEveryNote() throws {
        try withStorePath { path in
            let store = try MemoryStore(path: path, codec: LineCodec())
            let outcomes = try store.write { writer in
                [try writer.add(Self.unit("a", "Hello.", "Привет.", date: 10, note: "first")),
                 try writer.add(Self.unit("a", "Hello.", "Привет.", date: 20, note: "second")),
                 try writer.add(Self.unit("b", "Hello.", "Здравствуйте.", date: 5))]
            }
            #expect(outcomes == [.added, .merged, .added])
            let units = try store.write { try $0.units(tuid: "a") }
            #expect(units.count == 1)
            #expect(units[0].unit.info.changeDate?.secondsSinceEpoch == 20)
            #expect(Set(units[0].unit.notes.map(\.text)) == ["first", "second"])
            #expect(try store.statistics() == StoreStatistics(units: 2, languages: ["en": 2, "ru": 2]))
        }
    }

    @Test func replaceAndDeleteKeepTheTokenRowsAndCountsInStep() throws {
        try withStorePath { path in
            let store = try MemoryStore(path: path, codec: LineCodec())
            try store.write { writer in
                _ = try writer.add(Self.unit("a", "The summit opened.", "Саммит открылся."))
                _ = try writer.add(Self.unit("b", "Talks ended.", "Переговоры завершились."))
            }
            try store.write { writer in
                let stored = try #require(try writer.units(tuid: "b").first)
                var changed = stored.unit
                changed.variants[0].segment = Segment("Talks ended late.")
                try writer.replace(id: stored.id, with: changed)
            }
            let index = try TranslationMemoryIndex()
            try index.add(store: store, from: LanguageTag("en"), to: LanguageTag("ru"), origin: "m")
            #expect(try index.lookup(Segment("Talks ended late.")).first?.score == 100)
            #expect(try store.write { try $0.delete(tuid: "a") } == 1)
            #expect(try store.write { try $0.delete(tuid: "a") } == 0)
            #expect(try store.statistics() == StoreStatistics(units: 1, languages: ["en": 1, "ru": 1]))
            #expect(throws: MemoryStoreError.self) { try store.write { try $0.replace(id: 999, with: Self.unit("x", "x", "x")) } }
        }
    }

    @Test func aStoreThatMustExistIsNeverCreated() throws {
        try withStorePath { path in
            #expect(throws: MemoryStoreError.self) { _ = try MemoryStore(path: path, codec: LineCodec(), access: .changeExisting) }
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }
}

/// Stores written before punctuation left the fuzzy score keep punctuation token rows: they are skipped on loading.
@Suite struct OlderStoreTokenTests {
    @Test func punctuationTokensOfAnOlderStoreAreNotCompared() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("old.tmdb").path
        let store = try MemoryStore(path: path, codec: LineCodec())
        try store.write { _ = try $0.add(MemoryStoreTests.unit("a", "The plan; the summit opened.", "План; саммит открылся.")) }
        // Put the marks back into the English token rows, as an older Concord stored them.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            let top = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM token") ?? 0
            try db.execute(sql: "INSERT INTO token (id, key) VALUES (?, ';'), (?, '.')", arguments: [top + 1, top + 2])
            let blob = try Data.fetchOne(db, sql: "SELECT tokens FROM variant WHERE language = 'en'")!
            var ids: [Int32] = []
            _ = blob.withUnsafeBytes { TokenBlob.decode($0, into: &ids) }
            ids.insert(Int32(top + 1), at: 2)
            ids.append(Int32(top + 2))
            try db.execute(sql: "UPDATE variant SET tokens = ? WHERE language = 'en'", arguments: [Data(TokenBlob.encode(ids))])
        }
        try queue.close()
        let index = try TranslationMemoryIndex()
        try index.add(store: MemoryStore(path: path, codec: LineCodec(), access: .readOnly), from: LanguageTag("en"), to: LanguageTag("ru"), origin: "old")
        #expect(index.checkInvariants().isEmpty)
        #expect(try index.lookup(Segment("The plan, the summit opened")).first?.score == 99)
        #expect(try index.lookup(Segment("The plan; the summit opened.")).first?.score == 100)
    }
}

/// A store of the second layout (before units kept their source language) is read as it is and
/// brought up to date by the first command that writes.
@Suite struct SecondLayoutStoreTests {
    @Test func aSecondLayoutStoreIsReadAndThenMigrated() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("v2.tmdb").path
        let store = try MemoryStore(path: path, codec: LineCodec())
        try store.write { _ = try $0.add(MemoryStoreTests.unit("a", "Hello.", "Привет."), defaultSource: LanguageTag("en")) }
        #expect(try store.commonSourceLanguage() == "en")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "ALTER TABLE unit DROP COLUMN sourceLanguage")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [MemoryStore.sourceLanguageLayout])
        }
        try queue.close()
        let reader = try MemoryStore(path: path, codec: LineCodec(), access: .readOnly)
        #expect(try reader.statistics().units == 1)
        #expect(try reader.commonSourceLanguage() == nil)
        let writer = try MemoryStore(path: path, codec: LineCodec())
        try writer.write { _ = try $0.add(MemoryStoreTests.unit("b", "Bye.", "Пока."), defaultSource: LanguageTag("en")) }
        // The unit stored before says nothing of its source: the memory's is not known for sure.
        #expect(try writer.commonSourceLanguage() == nil)
        #expect(try writer.statistics().units == 2)
    }
}
