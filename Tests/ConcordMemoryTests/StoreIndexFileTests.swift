import ConcordModel
@testable import ConcordMemory
import ConcordTestSupport
import Foundation
import Testing

/// The index file kept beside a store: lookups through it equal scoring every entry, over a
/// reopened store, after edits and deletes, and whatever part of the file is damaged.
@Suite struct StoreIndexFileTests {
    private static let pair = StoreIndexPair(from: LanguageTag("en"), to: LanguageTag("ru"))

    /// A store of Zipf-like random sentences, a few with several translations or none.
    private func makeStore(at path: String, units count: Int, generator: inout SeededGenerator) throws -> [[String]] {
        let words = (0..<300).map { "w\($0)" }
        var sources: [[String]] = []
        let store = try MemoryStore(path: path, codec: LineCodec())
        try store.write { writer in
            for number in 0..<count {
                var tokens = (0..<Int.random(in: 2...20, using: &generator)).map { _ in
                    words[min(words.count - 1, Int(Double(words.count) * pow(Double.random(in: 0..<1, using: &generator), 2.5)))]
                }
                // Some words longer than the 16 bytes a vocabulary slot holds (their keys go to the arena).
                if number % 50 == 0 { tokens.append("counterrevolutionaries\(number % 3)") }
                sources.append(tokens)
                var unit = MemoryStoreTests.unit("u\(number)", tokens.joined(separator: " "), "t\(number)",
                                                 date: Int64.random(in: 0...3, using: &generator))
                if number % 97 == 0 { unit.variants.append(Variant(language: LanguageTag("ru"), segment: Segment("v\(number)"))) }
                _ = try writer.add(unit, defaultSource: LanguageTag("en"))
            }
        }
        return sources
    }

    private func queries(_ sources: [[String]], count: Int, generator: inout SeededGenerator) -> [Segment] {
        (0..<count).map { number in
            var tokens = sources[Int.random(in: 0..<sources.count, using: &generator)]
            if !tokens.isEmpty, number % 2 == 0 { tokens[Int.random(in: 0..<tokens.count, using: &generator)] = "w\(Int.random(in: 0..<400, using: &generator))" }
            if number % 5 == 0 { tokens.append("unseen\(number)") }
            return Segment(tokens.joined(separator: " "))
        }
    }

    private func open(_ path: String) throws -> TranslationMemoryIndex {
        let index = try TranslationMemoryIndex()
        try index.add(store: MemoryStore(path: path, codec: LineCodec(), access: .readOnly), from: LanguageTag("en"), to: LanguageTag("ru"), origin: "m")
        return index
    }

    private func answers(_ index: TranslationMemoryIndex, _ queries: [Segment], scanning: Bool = false) throws -> [[String]] {
        try queries.map { query in
            let matches = scanning ? try index.lookupByScanning(query, minimum: 50, limit: 5) : try index.lookup(query, minimum: 50, limit: 5)
            return matches.map { "\($0.score) \($0.entry.id) \($0.entry.unit.tuid ?? "") \($0.entry.target.segment.plainText)" }
        }
    }

    private func expectEqualToScan(_ index: TranslationMemoryIndex, _ queries: [Segment], _ seed: String) throws {
        let found = try answers(index, queries), scanned = try answers(index, queries, scanning: true)
        for (number, (left, right)) in zip(found, scanned).enumerated() where left != right {
            Issue.record("query \(number) (\(queries[number].plainText)): index \(left), scan \(right); \(seed)")
        }
        #expect(index.checkInvariants().isEmpty, "\(index.checkInvariants()); \(seed)")
    }

    @Test func aReopenedStoreIsMappedAndAnswersAsTheScan() throws {
        var generator = SeededGenerator.fromEnvironment()
        let seed = generator.description
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("m.tmdb").path
        let sources = try makeStore(at: path, units: 3_000, generator: &generator)
        let asked = queries(sources, count: 300, generator: &generator)

        let built = try open(path)
        #expect(built.mappedMemories == [false] && built.indexNotes.isEmpty)
        let mapped = try open(path)
        #expect(mapped.mappedMemories == [true] && mapped.indexNotes.isEmpty)
        #expect(mapped.count == built.count)
        try expectEqualToScan(mapped, asked, seed)
        #expect(try answers(mapped, asked) == answers(built, asked), "\(seed)")
    }

    @Test func editsAndDeletesAreSeenWhetherOrNotTheWriterReindexed() throws {
        var generator = SeededGenerator.fromEnvironment()
        let seed = generator.description
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("m.tmdb").path
        let sources = try makeStore(at: path, units: 2_000, generator: &generator)
        let asked = queries(sources, count: 200, generator: &generator)
        _ = try open(path)
        let before = try open(path)
        #expect(before.mappedMemories == [true])

        // An edit without reindexing: the next open finds the file stale and rebuilds it.
        let store = try MemoryStore(path: path, codec: LineCodec())
        try store.write { writer in
            for tuid in ["u3", "u10", "u500"] {
                for stored in try writer.units(tuid: tuid) {
                    var unit = stored.unit
                    unit.variants[0].segment = Segment("w1 w2 w3 edited \(tuid)")
                    try writer.replace(id: stored.id, with: unit)
                }
            }
        }
        let rebuilt = try open(path)
        #expect(rebuilt.indexNotes.map(\.kind) == [.rebuilt(.stale(index: 2, store: 3))])
        #expect(try rebuilt.lookup(Segment("w1 w2 w3 edited u10")).first?.entry.unit.tuid == "u10")
        try expectEqualToScan(rebuilt, asked, seed)
        // The index that was open keeps answering from the file it mapped.
        #expect(try answers(before, Array(asked.prefix(20))).count == 20)

        // Deletes, then the writer's reindex: the next open maps the new file.
        _ = try store.write { writer in try ["u4", "u11", "u1999"].reduce(0) { $0 + (try writer.delete(tuid: $1)) } }
        // The temporary file of a writer killed while indexing (its process is gone) is cleared away.
        let abandoned = StoreIndex.folder(ofStoreAt: path) + "/en_ru.cidx.99999999.7.tmp"
        try Data("half".utf8).write(to: URL(fileURLWithPath: abandoned))
        try StoreIndex.refresh(store)
        #expect(!FileManager.default.isReadableFile(atPath: abandoned))
        let after = try open(path)
        #expect(after.mappedMemories == [true] && after.indexNotes.isEmpty)
        #expect(after.count < rebuilt.count)
        try expectEqualToScan(after, asked, seed)
        #expect(try after.lookup(Segment(sources[4].joined(separator: " ")), minimum: 100).allSatisfy { $0.entry.unit.tuid != "u4" })
    }

    /// Every section damaged in turn (and the header, a cut file, a file of another pair, one
    /// that is not an index): the file is never used, the index is rebuilt with the right answers.
    @Test func aDamagedIndexFileIsRebuiltWithTheRightAnswers() throws {
        var generator = SeededGenerator.fromEnvironment()
        let seed = generator.description
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("m.tmdb").path
        let sources = try makeStore(at: path, units: 1_500, generator: &generator)
        let asked = queries(sources, count: 60, generator: &generator)
        let expected = try answers(open(path), asked)
        let file = StoreIndex.path(ofStoreAt: path, pair: Self.pair)
        let good = try Data(contentsOf: URL(fileURLWithPath: file))
        let header = try StoreIndexFile.header(of: file)

        func damaged(_ change: (inout Data) -> Void, _ problem: StoreIndexProblem, _ what: String) throws {
            var bytes = good
            change(&bytes)
            try bytes.write(to: URL(fileURLWithPath: file))
            let index = try open(path)
            #expect(index.indexNotes.map(\.kind) == [.rebuilt(problem)], "\(what); \(seed)")
            #expect(index.mappedMemories == [false], "\(what)")
            #expect(try answers(index, asked) == expected, "\(what); \(seed)")
            #expect(try answers(index, asked, scanning: true) == expected, "\(what); \(seed)")
            // The rebuilt file was saved: the next open maps it.
            #expect(try open(path).mappedMemories == [true], "\(what)")
        }
        for section in StoreIndexFile.Section.allCases {
            let place = header.sections[section]!
            guard place.length > 0 else {
                #expect(section == .tooManyVariants, "only the list of units with too many variants may be empty here")
                continue
            }
            try damaged({ $0[place.offset + place.length / 2] ^= 0x20 }, .damaged(section: section.name), section.name)
        }
        try damaged({ $0[5 * 8] ^= 1 }, .damaged(section: "header"), "header")
        let half = good.count / 2
        let cut = StoreIndexFile.Section.allCases.first { header.sections[$0]!.length > 0 && header.sections[$0]!.offset + header.sections[$0]!.length > half }!
        try damaged({ $0 = $0.prefix(half) }, .truncated(section: cut.name), "cut in half")
        try damaged({ $0 = $0.prefix(100) }, .truncated(section: "header"), "cut in the header")
        try damaged({ $0 = Data("<tmx version=\"1.4\">".utf8) + $0.dropFirst(19) }, .notAnIndex, "not an index")
        try damaged({ $0[8] = 9 }, .otherFormat(9), "another format")

        // The index file of another store (copied over this one's).
        let otherPath = directory.appendingPathComponent("other.tmdb").path
        _ = try makeStore(at: otherPath, units: 10, generator: &generator)
        _ = try open(otherPath)
        let other = try Data(contentsOf: URL(fileURLWithPath: StoreIndex.path(ofStoreAt: otherPath, pair: Self.pair)))
        try damaged({ $0 = other }, .otherStore, "another store's index")
    }

    @Test func anIndexThatCannotBeSavedIsBuiltInMemoryWithANote() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("m.tmdb").path
        var generator = SeededGenerator.fromEnvironment()
        let sources = try makeStore(at: path, units: 200, generator: &generator)
        // Where the index folder should be there is a file.
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: StoreIndex.folder(ofStoreAt: path)))
        let index = try open(path)
        guard case .notSaved? = index.indexNotes.first?.kind else {
            Issue.record("expected a note that the index was not saved, got \(index.indexNotes)")
            return
        }
        #expect(try index.lookup(Segment(sources[7].joined(separator: " ")), minimum: 100).first?.score ?? 0 >= 100)
    }
}
