import ConcordFormats
import ConcordModel
import ConcordTestSupport
import ConcordXML
import Foundation
import Testing

@Suite struct GlossaryFormatTests {
    static let shipped = TestSupport.packageRoot.appendingPathComponent("Glossaries/sco.tbx").path

    /// What every format must keep: concepts, their terms, statuses, types and notes.
    static func essence(_ glossary: Glossary) -> [[String]] {
        glossary.concepts.map { concept in
            [concept.id, concept.note ?? "", concept.subjectField ?? ""] + concept.terms.map {
                "\($0.language)|\($0.text)|\($0.status.rawValue)|\($0.type?.rawValue ?? "")"
            }
        }
    }

    func write(_ glossary: Glossary, _ name: String, dialect: TBXWriter.Dialect = .tbx2019, in directory: URL) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try GlossaryFile.write(glossary, to: .file(path), dialect: dialect)
        return path
    }

    @Test func shippedGlossaryIsLargeAndClean() throws {
        let glossary = try TBXReader.read(path: Self.shipped)
        #expect(glossary.concepts.count >= 60)
        #expect(glossary.languages.map(\.canonical) == ["en", "ru", "zh"])
        #expect(glossary.concepts.allSatisfy { Set($0.languages.map(\.canonical)) == ["en", "ru", "zh"] })
        #expect(glossary.concepts.flatMap(\.terms).contains { $0.status == .deprecated })
        #expect(glossary.concepts.flatMap(\.terms).contains { $0.type == .acronym })
    }

    @Test func roundTripsThroughTBX2008AndTablesKeepEverything() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let original = try TBXReader.read(path: Self.shipped)
        let martif = try write(original, "sco-2008.tbx", dialect: .tbx2008, in: directory)
        let from2008 = try GlossaryFile.read(path: martif)
        #expect(Self.essence(from2008) == Self.essence(original))
        let csv = try write(from2008, "sco.csv", in: directory)
        let fromCSV = try GlossaryFile.read(path: csv)
        #expect(Self.essence(fromCSV) == Self.essence(original))
        let tsv = try write(fromCSV, "sco.tsv", in: directory)
        let back = try write(try GlossaryFile.read(path: tsv), "back.tbx", in: directory)
        #expect(Self.essence(try GlossaryFile.read(path: back)) == Self.essence(original))
    }

    @Test(.enabled(if: TestSupport.sharedDataAvailable, "\(TestSupport.sharedDataSkipMessage)"))
    func writtenTBXValidatesAgainstTheCoreSchema() throws {
        let schema = TestSupport.sharedData.appendingPathComponent("formats/tbx/schemas/TBXcoreStructV03.rng").path
        #expect(try XMLValidator.validate(documentPath: Self.shipped, against: .relaxNG(path: schema)).isEmpty)
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Ids that are not XML names (a CSV row number) are made into valid ones.
        let table = try GlossaryTable.read(text: "en,ru\nSCO,ШОС\n", fileName: "t.csv", delimiter: .comma)
        let path = try write(table, "t.tbx", in: directory)
        #expect(try XMLValidator.validate(documentPath: path, against: .relaxNG(path: schema)).isEmpty)
    }

    @Test(.enabled(if: TestSupport.sharedDataAvailable, "\(TestSupport.sharedDataSkipMessage)"))
    func readsEveryTBXSample() throws {
        let folder = TestSupport.sharedData.appendingPathComponent("formats/tbx")
        let dct = try TBXReader.read(path: folder.appendingPathComponent("tbx2019-basic-example-dct.tbx").path)
        let statuses = Set(dct.concepts.flatMap(\.terms).map(\.status))
        #expect(statuses.isSuperset(of: [.preferred, .admitted, .deprecated, .superseded]))
        let ntig = try TBXReader.read(path: folder.appendingPathComponent("tbx2008-martif-ntig-maryland.tbx").path)
        #expect(!ntig.concepts.isEmpty && !ntig.concepts[0].terms.isEmpty)
        let windows1254 = try TBXReader.read(path: folder.appendingPathComponent("tbx2008-martif-win1254.tbx").path)
        #expect(!windows1254.concepts.isEmpty)
        let synthetic = try TBXReader.read(path: folder.appendingPathComponent("synth-tbx-basic-sco-en-ru-zh.tbx").path)
        #expect(synthetic.concepts.first?.terms.contains { $0.text == "SCO" && $0.type == .acronym && $0.status == .admitted } == true)
        for file in ["tbx2019-core-good.tbx", "tbx2019-min-good.tbx", "tbx2019-basic-good-dca.tbx", "tbx2008-martif-tig-omegat-sample.tbx"] {
            #expect(!(try TBXReader.read(path: folder.appendingPathComponent(file).path)).concepts.isEmpty, "\(file)")
        }
    }

    @Test func aMissingDTDDoesNotStopTheReader() throws {
        let text = """
        <?xml version="1.0"?>
        <!DOCTYPE martif SYSTEM "TBXcoreStructV02-not-here.dtd">
        <martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
        <text><body><termEntry id="e1"><langSet xml:lang="en"><tig><term>precursor</term></tig></langSet>
        <langSet xml:lang="ru"><ntig><termGrp><term>прекурсор</term><termNote type="termType">fullForm</termNote></termGrp></ntig></langSet></termEntry></body></text></martif>
        """
        let glossary = try TBXReader.read(text: text, fileName: "m.tbx")
        #expect(glossary.concepts.first?.terms.map(\.text) == ["precursor", "прекурсор"])
        #expect(glossary.concepts.first?.terms.last?.type == .fullForm)
    }

    @Test func badGlossariesAreReportedWithTheirPlace() {
        #expect(throws: FormatError.self) { try TBXReader.read(text: "<tbx><text><body><conceptEntry id='a'>", fileName: "bad.tbx") }
        #expect(throws: FormatError.wrongRoot(file: "x.tbx", line: 1, column: 1, found: "tmx", expected: "tbx")) {
            try TBXReader.read(text: "<tmx/>", fileName: "x.tbx")
        }
        #expect(throws: FormatError.self) { try GlossaryTable.read(text: "en,Russian words\nSCO,ШОС\n", fileName: "t.csv", delimiter: .comma) }
        #expect(throws: FormatError.self) { try GlossaryTable.read(text: "en,status:en\nSCO,sometimes\n", fileName: "t.csv", delimiter: .comma) }
    }

    @Test func tableColumnsAlignStatusesAndTypes() throws {
        let text = "id,en,ru,status:en,type:en,note\nsco,Shanghai Cooperation Organisation;SCO,ШОС,preferred;admitted,fullForm;acronym,The organisation\n,precursors,прекурсоры,,,\n"
        let glossary = try GlossaryTable.read(text: text, fileName: "t.csv", delimiter: .comma)
        #expect(glossary.concepts.map(\.id) == ["sco", "2"])
        let sco = glossary.concepts[0]
        #expect(sco.terms.map(\.status) == [.preferred, .admitted, .preferred])
        #expect(sco.terms.map(\.type) == [.fullForm, .acronym, nil])
        #expect(sco.note == "The organisation")
    }
}
