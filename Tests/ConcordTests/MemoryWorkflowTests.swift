import Concord
import ConcordTestSupport
import Foundation
import Testing

/// The memory workflows called in-process, as the CLI and the server call them.
@Suite struct MemoryWorkflowTests {
    static let memory = """
    <?xml version="1.0" encoding="UTF-8"?>
    <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>
    <body>
    <tu tuid="a" changedate="20190101T000000Z"><prop type="client">SCO</prop><note>first</note><tuv xml:lang="en"><seg>The summit opened on 24 April.</seg></tuv><tuv xml:lang="ru"><seg>Саммит открылся 24 апреля.</seg></tuv></tu>
    <tu tuid="b"><tuv xml:lang="en"><seg>Talks ended.</seg></tuv><tuv xml:lang="ru"><seg>Переговоры завершились.</seg></tuv><tuv xml:lang="zh"><seg>会谈结束。</seg></tuv></tu>
    </body></tmx>
    """

    struct Fixture {
        let directory: URL
        let tmx: String
        let newer: String
        var store: String { directory.appendingPathComponent("m.tmdb").path }
    }

    func withFixture(_ body: (Fixture) throws -> Void) throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pair = try MemoryPair(Self.memory, in: directory)
        try body(Fixture(directory: directory, tmx: pair.older.path, newer: pair.newer.path))
    }

    @Test func importMergesDuplicatesWithTheNewestDateAndEveryNote() throws {
        try withFixture { fixture in
            let reports = try MemoryStoreWorkflow.importFiles([.file(fixture.tmx), .file(fixture.newer)], intoStoreAt: fixture.store)
            #expect(reports.map(\.added) == [2, 0])
            #expect(reports.map(\.merged) == [0, 2])
            let store = try MemoryStore(path: fixture.store, access: .readOnly)
            #expect(try store.statistics() == StoreStatistics(units: 2, languages: ["en": 2, "ru": 2, "zh": 1]))
            var merged: TranslationUnit?
            try store.forEachUnit { _, unit in
                if unit.tuid == "a" { merged = unit }
                return true
            }
            let unit = try #require(merged)
            #expect(Set(unit.notes.map(\.text)) == ["first", "second"])
            #expect(unit.info.changeDate?.tmxString == "20200101T000000Z")
        }
    }

    @Test func editAndDeleteChangeOnlyWhatTheyMatch() throws {
        try withFixture { fixture in
            _ = try MemoryStoreWorkflow.importFiles([.file(fixture.tmx)], intoStoreAt: fixture.store)
            let store = try MemoryStore(path: fixture.store)
            #expect(try MemoryConcordance.edit(tuid: "b", language: LanguageTag("ru"), text: "Переговоры окончены.", in: store) == 1)
            #expect(try MemoryConcordance.edit(tuid: "nope", language: LanguageTag("ru"), text: "x", in: store) == 0)
            let found = try MemoryConcordance.search("окончены", language: LanguageTag("ru"), stores: [store], files: [])
            #expect(found.map(\.unit.tuid) == ["b"])
            #expect(try MemoryStoreWorkflow.delete(tuid: "a", from: store) == 1)
            #expect(try MemoryStoreWorkflow.delete(tuid: "a", from: store) == 0)
            #expect(try store.statistics().units == 1)
        }
    }

    @Test func lookupAdaptsNumbersAndReportsThemAsValues() throws {
        try withFixture { fixture in
            _ = try MemoryStoreWorkflow.importFiles([.file(fixture.tmx)], intoStoreAt: fixture.store)
            let memory = try MemoryLookup.index([], stores: [fixture.store], from: LanguageTag("en"), to: LanguageTag("ru"))
            #expect(memory.diagnostics.isEmpty)
            let matches = try memory.index.lookup(Segment("The summit opened on 25 April."))
            let report = MatchReport(try #require(matches.first))
            #expect(report.adaptedTarget == "Саммит открылся 25 апреля.")
            #expect(report.substitutions.map(\.from) == ["24"] && report.substitutions.map(\.to) == ["25"])
            #expect(report.substitutions.allSatisfy { $0.placed })
            #expect(report.tuid == "a")
        }
    }

    @Test func aLanguagePairNoUnitHasIsAWarningNotAnError() throws {
        try withFixture { fixture in
            let memory = try MemoryLookup.index([try MemoryLookup.Source(.file(fixture.tmx))], from: LanguageTag("en"), to: LanguageTag("de"))
            #expect(memory.diagnostics.map(\.id) == [DiagnosticCatalog.memoryNoLanguagePair.id])
            #expect(memory.diagnostics.first?.severity == .warning)
        }
    }

    @Test func validationAndStatisticsAreValues() throws {
        try withFixture { fixture in
            let validation = try TMXValidation.validate(.file(fixture.tmx))
            #expect(validation.valid && validation.units == 2 && validation.diagnostics.isEmpty)
            let statistics = try MemoryStatistics.compute(.file(fixture.tmx)).report
            #expect(statistics.units == 2)
            #expect(statistics.languages == ["en": 2, "ru": 2, "zh": 1])
            #expect(statistics.sourceLanguage == "en")
            #expect(statistics.header.creationTool == "t")
        }
    }
}

/// `tm export` says the memory's source language when every unit came with the same one.
@Suite struct ExportSourceLanguageTests {
    static func exportedHeader(of store: String, in directory: URL, selection: UnitSelection = UnitSelection()) throws -> String {
        let output = directory.appendingPathComponent("out-\(UUID().uuidString).tmx")
        _ = try MemoryStoreWorkflow.export(MemoryStore(path: store, access: .readOnly), to: .file(output.path), selection: selection)
        let text = try String(contentsOf: output, encoding: .utf8)
        return String(text[text.range(of: "<header")!.lowerBound...].prefix { $0 != ">" })
    }

    @Test func theSourceLanguageTheUnitsCameWithIsKept() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("m.tmdb").path
        _ = try ImportRequest(inputs: [.bytes(name: "en.tmx", content: Array(MemoryWorkflowTests.memory.utf8))], store: store).run()
        #expect(try Self.exportedHeader(of: store, in: directory).contains(#"srclang="en""#))
        // Exporting only Russian and Chinese: English is not in the file, so any language may be the source.
        var selection = UnitSelection()
        selection.languages = [LanguageTag("ru"), LanguageTag("zh")]
        #expect(try Self.exportedHeader(of: store, in: directory, selection: selection).contains(#"srclang="*all*""#))
        // A memory whose source is Russian joins: the units no longer share one.
        let russian = MemoryWorkflowTests.memory.replacingOccurrences(of: #"srclang="en""#, with: #"srclang="ru""#)
            .replacingOccurrences(of: "Talks ended.", with: "Talks resumed.")
        _ = try ImportRequest(inputs: [.bytes(name: "ru.tmx", content: Array(russian.utf8))], store: store).run()
        #expect(try Self.exportedHeader(of: store, in: directory).contains(#"srclang="*all*""#))
    }
}
