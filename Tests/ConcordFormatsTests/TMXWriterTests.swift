import ConcordModel
import ConcordTestSupport
import ConcordXML
import Foundation
import Testing
@testable import ConcordFormats

@Suite struct TMXWriterTests {
    static func written(_ units: [TranslationUnit], header: TMXHeader = TMXHeader()) throws -> (String, TMXWriter) {
        var bytes: [UInt8] = []
        let writer = try TMXWriter(header: header, fileName: "out.tmx") { bytes += $0 }
        for unit in units { try writer.write(unit) }
        try writer.finish()
        return (String(decoding: bytes, as: UTF8.self), writer)
    }

    @Test func requiredHeaderAttributesXMLLangAndDates() throws {
        var unit = TranslationUnit(tuid: "1", variants: [Variant(language: LanguageTag("EN-gb"), segment: "Hello"),
                                                          Variant(language: LanguageTag("ru"), segment: "Привет")])
        unit.info.changeDate = Timestamp(iso8601: "2019-04-24T09:30:00Z")
        let (text, _) = try Self.written([unit])
        for attribute in ["creationtool=", "creationtoolversion=", "segtype=\"sentence\"", "o-tmf=", "adminlang=", "srclang=\"*all*\"", "datatype=\"plaintext\""] {
            #expect(text.contains(attribute), "\(attribute)")
        }
        #expect(text.contains(#"<tuv xml:lang="en-GB">"#))
        #expect(text.contains(#"changedate="20190424T093000Z""#))
        #expect(!text.contains(" lang="))
    }

    @Test func forbiddenCharactersAreDroppedAndReported() throws {
        let unit = TranslationUnit(variants: [Variant(language: LanguageTag("en"), segment: "a\u{0B}b"),
                                              Variant(language: LanguageTag("ru"), segment: "в\u{FFFE}г")])
        let (text, writer) = try Self.written([unit])
        #expect(text.contains("<seg>ab</seg>"))
        #expect(text.contains("<seg>вг</seg>"))
        #expect(writer.diagnostics.map(\.id) == ["tmx.removed-character"])
    }

    @Test func inlineCodesAndWhitespaceAreWrittenExactly() throws {
        let segment = Segment(parts: [.text("  A "),
                                      .code(InlineCode(kind: .bpt, attributes: [Attribute("i", "1"), Attribute("x", "1")], content: [.text("<b>")])),
                                      .text("B"),
                                      .code(InlineCode(kind: .ept, attributes: [Attribute("i", "1")], content: [.text("</b>")])),
                                      .text("\n")])
        let (text, _) = try Self.written([TranslationUnit(variants: [Variant(language: LanguageTag("en"), segment: segment),
                                                                     Variant(language: LanguageTag("ru"), segment: "Б")])])
        #expect(text.contains(#"<seg>  A <bpt i="1" x="1">&lt;b&gt;</bpt>B<ept i="1">&lt;/b&gt;</ept>"#))
        let reread = try TMXReader(source: MemoryByteSource(text), fileName: "x").readAll()
        #expect(reread[0].variants[0].segment == segment)
    }

    @Test func atomicOutputLeavesNothingBehindOnFailure() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("out.tmx").path
        try "old content".write(toFile: path, atomically: false, encoding: .utf8)
        do {
            let file = try AtomicOutputFile(path: path)
            try file.write("partial")
            // dropped without commit
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old content")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.tmx"])
        let file = try AtomicOutputFile(path: path)
        try file.write("new content")
        try file.commit()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new content")
        #expect(throws: FormatError.self) { try AtomicOutputFile(path: "/nonexistent-dir/x.tmx") }
    }
}
