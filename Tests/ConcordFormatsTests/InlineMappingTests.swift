import ConcordModel
import ConcordTestSupport
import ConcordXML
import Foundation
import Testing
@testable import ConcordFormats

/// The format-neutral inline model: TMX → TaggedText → TMX is lossless, and TMX codes
/// go to XLIFF 2.0 and 1.2 (valid against the schemas) and come back with the same shape.
@Suite(.enabled(if: TestSupport.sharedDataAvailable, "\(TestSupport.sharedDataSkipMessage)"))
struct InlineMappingTests {
    static let corpus = TestSupport.sharedData.appendingPathComponent("tmx-corpus")
    static let formats = TestSupport.sharedData.appendingPathComponent("formats")

    /// Every segment of every readable corpus file, and the repository's UN test set.
    static func segments() throws -> [Segment] {
        var files = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".tmx") }.sorted()
            .map { corpus.appendingPathComponent($0).path }
        files.append(TestSupport.packageRoot.appendingPathComponent("TMX/un-testset.en-ru-zh.tmx").path)
        var segments: [Segment] = []
        for file in files {
            guard let reader = try? TMXRecoveringReader(path: file) else { continue }
            var units: [TranslationUnit] = []
            while let unit = try reader.next() { units.append(unit) }
            segments += units.flatMap { $0.variants.map(\.segment) }
        }
        return segments
    }

    @Test func tmxToTaggedTextAndBackIsLossless() throws {
        let segments = try Self.segments()
        #expect(segments.count > 1000)
        #expect(segments.filter { !$0.allCodes.isEmpty }.count > 20)
        for segment in segments {
            #expect(Segment(TaggedText(segment)) == segment)
        }
    }

    /// Roles, isolation (a half without its partner counts as isolated), types as the
    /// target format can say them, native code, and which opening pairs with which closing.
    static func shape(_ text: TaggedText, type: (String?) -> String?) -> [String] {
        let paired = text.pairedTagIDs
        var numbers: [String: Int] = [:]
        func describe(_ runs: [TaggedRun]) -> [String] {
            runs.flatMap { run -> [String] in
                switch run {
                case let .text(text): return text.isEmpty ? [] : ["text:" + text]
                case let .annotation(annotation): return ["mark:\(annotation.type ?? "")"] + describe(annotation.runs) + ["/mark"]
                case let .tag(tag):
                    let isPaired = !tag.isolated && tag.id.map(paired.contains) == true
                    var pair = "-"
                    if isPaired, let id = tag.id {
                        if numbers[id] == nil { numbers[id] = numbers.count + 1 }
                        pair = String(numbers[id]!)
                    }
                    return ["\(tag.role.rawValue) pair:\(pair) type:\(type(tag.type) ?? "") code:\(tag.nativeText)"]
                }
            }
        }
        return describe(text.runs)
    }

    @Test func tmxCodesGoToXLIFF20AndBack() throws {
        let segments = try Self.segments().filter { !$0.allCodes.isEmpty }
        var document = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        document += #"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en"><file id="f1">"#
        var encoded: [TaggedText] = []
        for (number, segment) in segments.enumerated() {
            let tagged = TaggedText(segment)
            encoded.append(tagged)
            var encoder = XLIFF20InlineEncoder()
            let nodes = encoder.encode(tagged)
            var bytes: [UInt8] = []
            let writer = try XMLStreamWriter(indent: false) { bytes += $0 }
            try writer.startElement("unit")
            try writer.attribute("id", "u\(number + 1)")
            if !encoder.originalData.isEmpty {
                try writer.startElement("originalData")
                for data in encoder.originalData { try writer.element("data", text: data.text, attributes: [("id", data.id)]) }
                try writer.endElement()
            }
            try writer.startElement("segment")
            try writer.startElement("source", mixedContent: true)
            try writer.write(nodes)
            try writer.endElementWithClosingTag()
            try writer.endElement()
            try writer.endElement()
            try writer.flush()
            document += String(decoding: bytes, as: UTF8.self)
        }
        document += "</file></xliff>\n"
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("codes.xlf").path
        try document.write(toFile: path, atomically: true, encoding: .utf8)
        let issues = try XMLValidator.validate(documentPath: path, against: .xmlSchema(path: Self.formats.appendingPathComponent("xliff20/xliff_core_2.0.xsd").path))
        #expect(issues.isEmpty, "\(issues.prefix(5))")

        let reader = try XMLPullReader(source: MemoryByteSource(document), fileName: "codes.xlf")
        var decoded: [TaggedText] = []
        while try reader.read() {
            guard reader.kind == .element, reader.localName == "unit" else { continue }
            let unit = try reader.readTree()
            var data: [String: String] = [:]
            for element in unit.childElements.first(where: { $0.name == "originalData" })?.childElements ?? [] {
                data[element.attribute("id") ?? ""] = element.textContent
            }
            let source = try #require(unit.childElements.first { $0.name == "segment" }?.childElements.first { $0.name == "source" })
            decoded.append(XLIFF20InlineDecoder.decode(source, originalData: data))
        }
        #expect(decoded.count == encoded.count)
        let through20: (String?) -> String? = { InlineTypeMapping.fromXLIFF20(type: InlineTypeMapping.xliff20($0)?.type, subType: InlineTypeMapping.xliff20($0)?.subType) }
        for (before, after) in zip(encoded, decoded) {
            #expect(Self.shape(after, type: { $0 }) == Self.shape(before, type: through20))
        }
    }

    @Test func tmxCodesGoToXLIFF12AndBack() throws {
        let segments = try Self.segments().filter { !$0.allCodes.isEmpty }
        var document = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        document += #"<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="codes" source-language="en" datatype="plaintext"><body>"#
        var encoded: [TaggedText] = []
        for (number, segment) in segments.enumerated() {
            let tagged = TaggedText(segment)
            encoded.append(tagged)
            var encoder = XLIFF12InlineEncoder()
            var bytes: [UInt8] = []
            let writer = try XMLStreamWriter(indent: false) { bytes += $0 }
            try writer.startElement("trans-unit")
            try writer.attribute("id", "\(number + 1)")
            try writer.startElement("source", mixedContent: true)
            try writer.write(encoder.encode(tagged))
            try writer.endElementWithClosingTag()
            try writer.endElement()
            try writer.flush()
            document += String(decoding: bytes, as: UTF8.self)
        }
        document += "</body></file></xliff>\n"
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("codes.xlf").path
        try document.write(toFile: path, atomically: true, encoding: .utf8)
        let issues = try XMLValidator.validate(documentPath: path, against: .xmlSchema(path: Self.formats.appendingPathComponent("xliff12/xliff-core-1.2-strict.xsd").path))
        #expect(issues.isEmpty, "\(issues.prefix(5))")

        let reader = try XMLPullReader(source: MemoryByteSource(document), fileName: "codes.xlf")
        var decoded: [TaggedText] = []
        while try reader.read() {
            guard reader.kind == .element, reader.localName == "source" else { continue }
            decoded.append(XLIFF12InlineDecoder.decode(try reader.readTree()))
        }
        #expect(decoded.count == encoded.count)
        let through12: (String?) -> String? = { InlineTypeMapping.fromXLIFF12(InlineTypeMapping.xliff12($0)) }
        for (before, after) in zip(encoded, decoded) {
            #expect(Self.shape(after, type: { $0 }) == Self.shape(before, type: through12))
        }
    }

    @Test func anXLIFF20PairAroundTextBecomesAnOpeningAndAClosing() throws {
        let source = #"<source xmlns="urn:oasis:names:tc:xliff:document:2.0">The <pc id="1" dataRefStart="d1" dataRefEnd="d2" type="fmt" subType="xlf:b">summit</pc> opened<ph id="2"/>.</source>"#
        let reader = try XMLPullReader(source: MemoryByteSource(source), fileName: "s.xlf")
        _ = try reader.read()
        let text = XLIFF20InlineDecoder.decode(try reader.readTree(), originalData: ["d1": "<b>", "d2": "</b>"])
        #expect(text.plainText == "The summit opened.")
        let segment = Segment(text)
        #expect(segment.codeKinds == [.bpt, .ept, .ph])
        #expect(segment.allCodes.map(\.nativeCode) == ["<b>", "</b>", ""])
        #expect(segment.allCodes[0].attribute("type") == "bold")
        #expect(segment.allCodes[0].attribute("i") == segment.allCodes[1].attribute("i"))
    }
}
