import ConcordModel
import ConcordTestSupport
import ConcordXML
import Foundation
import Testing
@testable import ConcordFormats

/// Hand-made TMX: each test names the phenomenon it pins.
@Suite struct TMXReaderTests {
    static func read(_ text: String, encoding: String.Encoding = .utf8, bom: [UInt8] = []) throws -> (TMXReader, [TranslationUnit]) {
        let bytes = bom + Array(text.data(using: encoding)!)
        let reader = try TMXReader(source: MemoryByteSource(bytes), fileName: "mem.tmx")
        return (reader, try reader.readAll())
    }

    static let header = #"<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>"#

    static func tmx(_ body: String, declaration: String = #"<?xml version="1.0" encoding="UTF-8"?>"#) -> String {
        "\(declaration)\n<tmx version=\"1.4\">\(header)<body>\(body)</body></tmx>\n"
    }

    @Test func inlineCodesPlainTextAndComparisonKey() throws {
        let (_, units) = try Self.read(Self.tmx("""
        <tu><tuv xml:lang="en"><seg><bpt i="1" x="1">&lt;b&gt;</bpt>SCO<ept i="1">&lt;/b&gt;</ept> summit <ph x="2">&lt;img alt="<sub>logo</sub>"/&gt;</ph><hi type="term">Charter</hi></seg></tuv>\
        <tuv xml:lang="ru"><seg><bpt i="1" x="1">{\\b </bpt>ШОС<ept i="1">}</ept> саммит</seg></tuv></tu>
        """))
        let segment = units[0].variants[0].segment
        #expect(segment.plainText == "SCO summit Charter")
        #expect(segment.codeKinds == [.bpt, .ept, .ph, .hi])
        let first = segment.allCodes[0]
        #expect(first.nativeCode == "<b>")
        #expect(first.attribute("i") == "1")
        // Different native codes, same roles: the same comparison key.
        let rtf = try Self.read(Self.tmx(#"<tu><tuv xml:lang="en"><seg><bpt i="1">{\b </bpt>SCO<ept i="1">}</ept> summit <ph>x</ph><hi>Charter</hi></seg></tuv></tu>"#)).1
        #expect(rtf[0].variants[0].segment.comparisonKey == segment.comparisonKey)
    }

    @Test func whitespaceInSegmentsIsData() throws {
        let (_, units) = try Self.read(Self.tmx("<tu><tuv xml:lang=\"en\"><seg>  two  spaces\n and a line  </seg></tuv><tuv xml:lang=\"ru\"><seg> </seg></tuv></tu>"))
        #expect(units[0].variants[0].segment.plainText == "  two  spaces\n and a line  ")
        #expect(units[0].variants[1].segment.plainText == " ")
    }

    @Test func languageTagsInAnyCaseAndTheOldLangAttribute() throws {
        let (_, units) = try Self.read(Self.tmx(#"<tu><tuv lang="EN-gb"><seg>a</seg></tuv><tuv xml:lang="zh-hans-cn"><seg>b</seg></tuv><tuv xml:lang="ru_RU"><seg>c</seg></tuv></tu>"#))
        #expect(units[0].languages.map(\.canonical) == ["en-GB", "zh-Hans-CN", "ru-RU"])
    }

    @Test func twoVariantsOfOneLanguageAreBothKept() throws {
        let (_, units) = try Self.read(Self.tmx(#"<tu><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="ru"><seg>б</seg></tuv><tuv xml:lang="ru"><seg>в</seg></tuv></tu>"#))
        #expect(units[0].variants(for: LanguageTag("ru")).map(\.segment.plainText) == ["б", "в"])
    }

    @Test func utf16WithAndWithoutByteOrderMark() throws {
        let text = Self.tmx(#"<tu><tuv xml:lang="en"><seg>SCO</seg></tuv><tuv xml:lang="zh"><seg>上合组织</seg></tuv></tu>"#,
                            declaration: #"<?xml version="1.0" encoding="UTF-16"?>"#)
        let withBOM = try Self.read(text, encoding: .utf16LittleEndian, bom: [0xFF, 0xFE]).1
        #expect(withBOM[0].variants[1].segment.plainText == "上合组织")
        let bigEndian = try Self.read(text, encoding: .utf16BigEndian, bom: [0xFE, 0xFF]).1
        #expect(bigEndian[0].variants[1].segment.plainText == "上合组织")
        let noBOM = try Self.read(text, encoding: .utf16LittleEndian).1
        #expect(noBOM[0].variants[1].segment.plainText == "上合组织")
    }

    @Test func windows1252AsDeclared() throws {
        let text = Self.tmx(#"<tu><tuv xml:lang="fr"><seg>Café — “déjà”</seg></tuv></tu>"#, declaration: #"<?xml version="1.0" encoding="windows-1252"?>"#)
        let units = try Self.read(text, encoding: .windowsCP1252).1
        #expect(units[0].variants[0].segment.plainText == "Café — “déjà”")
    }

    @Test func labelledUTF16ButUTF8IsReadAndReported() throws {
        let (reader, units) = try Self.read(Self.tmx(#"<tu><tuv xml:lang="ru"><seg>ШОС</seg></tuv></tu>"#,
                                                      declaration: #"<?xml version="1.0" encoding="utf-16"?>"#))
        #expect(units[0].variants[0].segment.plainText == "ШОС")
        #expect(reader.diagnostics.contains { $0.id == "tmx.encoding-label" })
    }

    @Test func controlCharactersRawAndAsReferencesInUTF16Too() throws {
        let body = "<tu><tuv xml:lang=\"en\"><seg>a\u{0B}b&#x0C;c&#31;d&#x9;e</seg></tuv></tu>"
        for (encoding, bom) in [(String.Encoding.utf8, [UInt8]()), (.utf16LittleEndian, [0xFF, 0xFE])] {
            let declaration = encoding == .utf8 ? #"<?xml version="1.0" encoding="UTF-8"?>"# : #"<?xml version="1.0" encoding="UTF-16"?>"#
            let (reader, units) = try Self.read(Self.tmx(body, declaration: declaration), encoding: encoding, bom: bom)
            #expect(units[0].variants[0].segment.plainText == "abcd\te")
            let removed = reader.diagnostics.filter { $0.id == "tmx.control-character" }
            #expect(removed.count == 3)
            #expect(removed.allSatisfy { $0.line == 2 })
        }
    }

    @Test func characterReferenceCutByAChunkBoundaryIsStillSeen() throws {
        // Put "&#x0C;" across the 64 KiB boundaries of the filter's reads.
        let filler = String(repeating: "x", count: 70_000)
        var body = ""
        for shift in 0..<8 {
            body += "<tu><tuv xml:lang=\"en\"><seg>\(filler.prefix(65_530 - shift))&#x0C;end</seg></tuv></tu>"
        }
        let (reader, units) = try Self.read(Self.tmx(body))
        #expect(units.count == 8)
        #expect(units.allSatisfy { $0.variants[0].segment.plainText.hasSuffix("xend") })
        #expect(reader.diagnostics.filter { $0.id == "tmx.control-character" }.count == 8)
    }

    @Test func propsNotesAndMetadataInOrder() throws {
        let (_, units) = try Self.read(Self.tmx("""
        <tu tuid="7" creationdate="20190424T093000Z" changedate="2019-04-25T10:00:00Z" creationid="DOMAIN\\\\ana" usagecount="3">\
        <prop type="x-context-pre">Before.</prop><note>n1</note><prop type="client">SCO</prop><note>n2</note>\
        <tuv xml:lang="en"><prop type="x-origin">tm</prop><seg>a</seg></tuv><tuv xml:lang="ru"><seg>б</seg></tuv></tu>
        """))
        let unit = units[0]
        #expect(unit.tuid == "7")
        #expect(unit.properties.map(\.type) == ["x-context-pre", "client"])
        #expect(unit.notes.map(\.text) == ["n1", "n2"])
        #expect(unit.info.creationDate?.tmxString == "20190424T093000Z")
        #expect(unit.info.changeDate?.tmxString == "20190425T100000Z")
        #expect(unit.info.usageCount == 3)
        #expect(unit.variants[0].properties.first?.value == "tm")
    }

    @Test func recoverableProblemsAreDiagnosticsAndTheUnitIsKept() throws {
        let (reader, units) = try Self.read("""
        <?xml version="1.0"?>
        <tmx version="1.4"><header creationtool="t"/><body>
        <tu><tuv xml:lang="en"><seg><bpt i="1">&lt;b&gt;</bpt>bold</seg></tuv><tuv xml:lang="ru"><seg><ept i="2">&lt;/b&gt;</ept>x</seg></tuv></tu>
        <tu><tuv xml:lang="en"><seg>alone</seg></tuv></tu>
        </body></tmx>
        """)
        #expect(units.count == 2)
        let ids = Set(reader.diagnostics.map(\.id))
        #expect(ids.isSuperset(of: ["tmx.header-attribute-missing", "tmx.unpaired-code", "tmx.single-language"]))
        let unpaired = reader.diagnostics.filter { $0.id == "tmx.unpaired-code" }
        #expect(unpaired.allSatisfy { $0.line == 3 })
    }

    @Test func structureErrorsStopWithPosition() throws {
        #expect(throws: FormatError.notWellFormed(file: "mem.tmx", line: 3, column: 41, message: "Opening and ending tag mismatch: seg line 3 and tuv")) {
            _ = try Self.read("<?xml version=\"1.0\"?>\n<tmx><header/><body>\n<tu><tuv xml:lang=\"en\"><seg>broken</tuv></tu>\n</body></tmx>")
        }
        #expect(throws: FormatError.self) { _ = try Self.read("<?xml version=\"1.0\"?><tmx version=\"1.4\"><header/></tmx>") }
        #expect(throws: FormatError.self) { _ = try Self.read("<xliff version=\"1.2\"><file/></xliff>") }
        #expect(throws: FormatError.self) { _ = try Self.read("") }
    }

    @Test func recoverKeepsWhatCameBefore() throws {
        let text = "<?xml version=\"1.0\"?>\n<tmx><header/><body>\n<tu><tuv xml:lang=\"en\"><seg>one</seg></tuv></tu>\n<tu><tuv xml:lang=\"en\"><seg>two</tuv></tu>\n</body></tmx>"
        // libxml2 stops at the first 512-byte chunk holding the fault; the
        // reader reads the file again to salvage the units before it.
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("broken.tmx").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let reader = try TMXRecoveringReader(path: path)
        var units: [TranslationUnit] = []
        while let unit = try reader.next() { units.append(unit) }
        #expect(units.map { $0.variants[0].segment.plainText } == ["one"])
        #expect(reader.diagnostics.filter { $0.id == "tmx.not-well-formed" }.map(\.line) == [4])
        #expect(throws: FormatError.self) { _ = try TMXReader(path: path).readAll() }
    }

    @Test func structureOnlyModeCountsTheSame() throws {
        let text = Self.tmx(#"<tu><tuv xml:lang="en"><seg><bpt i="1">x</bpt>a</seg></tuv><tuv xml:lang="ru"><seg>b</seg></tuv></tu>"#)
        let reader = try TMXReader(source: MemoryByteSource(text), fileName: "m", options: .init(readsText: false))
        let units = try reader.readAll()
        #expect(units[0].languages.count == 2)
        #expect(reader.diagnostics.map(\.id) == ["tmx.unpaired-code"])
    }
}

/// A TMX file cut off anywhere after its root's start says so, whatever token libxml2 was reading.
@Suite struct CutOffTMXTests {
    @Test func everyCutSaysTheDocumentEndsTooSoon() throws {
        let full = Array(TMXReaderTests.tmx(#"<tu tuid="1" changedate="20190101T000000Z"><tuv xml:lang="en"><seg>A &amp; <bpt i="1">&lt;b&gt;</bpt>b<ept i="1">&lt;/b&gt;</ept></seg></tuv></tu>"#).utf8)
        let rootEnd = full.firstRange(of: Array("<tmx version=\"1.4\">".utf8))!.upperBound
        var checked = 0
        for cut in rootEnd..<(full.count - "</tmx>\n".count) {
            do {
                let reader = try TMXReader(source: MemoryByteSource(Array(full[..<cut])), fileName: "cut.tmx")
                _ = try reader.readAll()
                Issue.record("a file cut at byte \(cut) was read whole")
            } catch let FormatError.notWellFormed(_, _, _, message) {
                #expect(message.hasPrefix("ends before the document is complete"), "cut at \(cut): \(message)")
                checked += 1
            } catch let FormatError.missingPart(_, _, _, part) {
                #expect(part.contains("body"), "cut at \(cut): \(part) missing")    // cut inside the header: no <body>
                checked += 1
            }
        }
        #expect(checked > 200)
    }
}
