import Testing
import Foundation
@testable import ConcordXML

@Suite struct XMLPullReaderTests {
    private func reader(_ text: String) throws -> XMLPullReader {
        try XMLPullReader(source: MemoryByteSource(text), fileName: "test.xml")
    }

    private func readAll(_ reader: XMLPullReader) throws -> [String] {
        var events: [String] = []
        while try reader.read() {
            switch reader.kind {
            case .element: events.append("<\(reader.localName)>")
            case .endElement: events.append("</\(reader.localName)>")
            case .text, .cdata, .whitespace, .entityReference: events.append(reader.value)
            default: break
            }
        }
        return events
    }

    @Test func readsElementsAttributesAndText() throws {
        let xml = """
        <?xml version="1.0"?>
        <tmx version="1.4"><body><tu tuid="7"><tuv xml:lang="en"><seg>A &amp; B <![CDATA[<b>]]></seg></tuv></tu></body></tmx>
        """
        let reader = try reader(xml)
        var tuid: String?
        var lang: String?
        var seg = ""
        var inSeg = false
        while try reader.read() {
            if reader.kind == .element, reader.localName == "tu" { tuid = reader.attribute("tuid") }
            if reader.kind == .element, reader.localName == "tuv" { lang = reader.attribute("xml:lang") }
            if reader.localName == "seg" { inSeg = reader.kind == .element }
            if inSeg, reader.kind == .text || reader.kind == .cdata { seg += reader.value }
        }
        #expect(tuid == "7")
        #expect(lang == "en")
        #expect(seg == "A & B <b>")
    }

    @Test func attributesInDocumentOrder() throws {
        let reader = try reader("<a z=\"1\" y=\"2\" xmlns:q=\"urn:q\" q:x=\"3\"/>")
        try reader.read()
        #expect(reader.attributes.map(\.name) == ["z", "y", "q:x"])
        #expect(reader.namespaceDeclarations.map(\.uri) == ["urn:q"])
        #expect(reader.isEmptyElement)
    }

    @Test func notWellFormedReportsFileLineAndColumn() throws {
        let xml = "<tmx>\n  <body>\n    <seg>text</tuv>\n</tmx>"
        let reader = try reader(xml)
        do {
            _ = try readAll(reader)
            Issue.record("expected an error")
        } catch let XMLError.notWellFormed(file, line, column, message) {
            #expect(file == "test.xml")
            #expect(line == 3)
            #expect(column == 20) // libxml2 points just past the offending tag
            #expect(message.contains("mismatch"))
        }
    }

    @Test func truncatedDocumentIsAnError() throws {
        let reader = try reader("<tmx><body><tu>")
        #expect(throws: XMLError.self) { try readAll(reader) }
    }

    @Test func externalEntityIsNeverExpanded() throws {
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE tmx [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>
        <tmx><seg>Host: &xxe;</seg></tmx>
        """
        let events = try readAll(reader(xml))
        #expect(events.joined() == "<tmx><seg>Host: </seg></tmx>")
    }

    @Test func internalEntityIsReplaced() throws {
        let xml = """
        <!DOCTYPE tmx [<!ENTITY sco "Shanghai Cooperation Organisation">]>
        <tmx><seg>The &sco; met.</seg></tmx>
        """
        let events = try readAll(reader(xml))
        #expect(events.joined() == "<tmx><seg>The Shanghai Cooperation Organisation met.</seg></tmx>")
    }

    @Test func billionLaughsIsRefusedQuickly() throws {
        var declarations = "<!ENTITY lol0 \"lollollollollollollollollollol\">\n"
        for level in 1...9 {
            let refs = String(repeating: "&lol\(level - 1);", count: 10)
            declarations += "<!ENTITY lol\(level) \"\(refs)\">\n"
        }
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n\(declarations)]>\n<lolz>&lol9;</lolz>"
        let reader = try reader(xml)
        // Fully expanded this is 3 GB of text; the reader must refuse, not try.
        #expect(throws: XMLError.self) { try readAll(reader) }
    }

    @Test func quadraticBlowupIsBounded() throws {
        let big = String(repeating: "x", count: 100_000)
        let refs = String(repeating: "&a;", count: 100_000)
        let xml = "<!DOCTYPE r [<!ENTITY a \"\(big)\">]><r>\(refs)</r>"
        let reader = try reader(xml)
        #expect(throws: XMLError.self) {
            var total = 0
            while try reader.read() { total += reader.value.utf8.count }
        }
    }

    @Test func missingFileIsReported() {
        #expect(throws: XMLError.self) { try XMLPullReader(path: "/nonexistent/file.tmx") }
    }

    @Test func filteringByteSourceSeesTheBytesFirst() throws {
        /// Drops vertical tabs, which XML forbids, before libxml2 sees them.
        final class DropVT: ByteSource {
            let inner: ByteSource
            init(_ inner: ByteSource) { self.inner = inner }
            func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
                let count = try inner.read(into: buffer)
                var kept = 0
                for index in 0..<count where buffer[index] != 0x0B {
                    buffer[kept] = buffer[index]
                    kept += 1
                }
                return kept
            }
        }
        let reader = try XMLPullReader(source: DropVT(MemoryByteSource("<a>x\u{0B}y</a>")), fileName: "vt.xml")
        #expect(try readAll(reader) == ["<a>", "xy", "</a>"])
    }

    // MARK: The SAX fast path and the xmlTextReader path agree

    /// Kind, name, depth, emptiness, attributes and value of every node.
    private func trace(_ reader: XMLPullReader) throws -> [String] {
        var lines: [String] = []
        while try reader.read() {
            let attributes = reader.attributes.map { "\($0.name)=\($0.value)" }.joined(separator: ",")
            lines.append("\(reader.kind) \(reader.qualifiedName) d\(reader.depth) e\(reader.isEmptyElement) [\(attributes)] '\(reader.value)'")
        }
        return lines
    }

    @Test func bothParsingPathsGiveTheSameNodes() throws {
        let body = """
        <tmx version="1.4"><header srclang="en" o-tmf="A &amp; B &#38; C"/>
        <body><tu tuid="1"><tuv xml:lang="en"><seg>Fish &amp; chips <bpt i="1">&lt;b&gt;</bpt>bold<ept i="1"/> \
        <![CDATA[<raw>]]> end</seg></tuv><tuv xml:lang="ru"></tuv><!-- a comment --><?pi data?></tu></body></tmx>
        """
        let fast = "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n" + body
        let careful = "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [ ]>\n" + body
        #expect(XMLPrologue.allowsFastPath(Array(fast.utf8)))
        #expect(!XMLPrologue.allowsFastPath(Array(careful.utf8)))
        let fastTrace = try trace(reader(fast)).filter { !$0.hasPrefix("documentType") }
        let carefulTrace = try trace(reader(careful)).filter { !$0.hasPrefix("documentType") }
        #expect(fastTrace == carefulTrace)
        #expect(fastTrace.contains { $0.contains("o-tmf=A & B & C") })
        #expect(fastTrace.contains { $0.hasPrefix("element tuv d3 efalse [xml:lang=ru]") })
        #expect(fastTrace.contains { $0.hasPrefix("element ept d5 etrue") })
    }

    @Test func textCutByChunkBoundariesIsOneNode() throws {
        // Longer than the parser's 64 KiB chunks, with references along the way.
        let piece = String(repeating: "слово &amp; word ", count: 20_000)
        let reader = try reader("<a><b>\(piece)</b><c/></a>")
        var texts: [String] = []
        while try reader.read() {
            if reader.kind == .text { texts.append(reader.value) }
        }
        #expect(texts.count == 1)
        #expect(texts.first == piece.replacingOccurrences(of: "&amp;", with: "&"))
    }

    @Test func undeclaredEntityUnderAnExternalDTDIsAnEmptyReference() throws {
        let xml = "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\"><tmx><seg>a&nbsp;b</seg></tmx>"
        #expect(try readAll(reader(xml)) == ["<tmx>", "<seg>", "a", "", "b", "</seg>", "</tmx>"])
    }

    @Test func nestingDeeperThanLibxml2AllowsIsRefused() throws {
        // A reader above recurses per level: a hostile file must not take it down.
        let depth = 100_000
        let xml = String(repeating: "<hi>", count: depth) + "x" + String(repeating: "</hi>", count: depth)
        do {
            _ = try readAll(reader(xml))
            Issue.record("expected an error")
        } catch let XMLError.notWellFormed(_, line, _, message) {
            #expect(line == 1)
            #expect(message.contains("nested more than 256 deep") && !message.contains("XML_PARSE"))
        }
        // 256 levels are fine.
        let fine = String(repeating: "<hi>", count: 256) + "x" + String(repeating: "</hi>", count: 256)
        #expect(try readAll(reader(fine)).count == 513)
    }

    @Test func aTextNodeLongerThanLibxml2AllowsIsRefused() throws {
        let xml = "<a><b>" + String(repeating: "0123456789", count: 1_100_000) + "</b></a>"
        do {
            _ = try readAll(reader(xml))
            Issue.record("expected an error")
        } catch let XMLError.notWellFormed(_, _, _, message) {
            #expect(message.contains("huge text node"))
        }
    }

    @Test func prologueDecidesThePath() {
        #expect(XMLPrologue.allowsFastPath(Array("\u{FEFF}<?xml version='1.0'?><!-- c --><r/>".utf8)))
        #expect(!XMLPrologue.allowsFastPath(Array("<?xml version='1.0'?>".utf8))) // no root within the bytes
        #expect(!XMLPrologue.allowsFastPath([0xFF, 0xFE, 0x3C, 0x00, 0x72, 0x00])) // UTF-16
        #expect(!XMLPrologue.allowsFastPath(Array("<!DOCTYPE r [<!ENTITY e 'x'>]><r/>".utf8)))
    }
}

