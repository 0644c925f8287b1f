import ConcordTestSupport
import Testing
@testable import ConcordXML

@Suite struct XMLStreamWriterTests {
    @Test func writesEscapedIndentedXMLAndKeepsMixedContentIntact() throws {
        var output: [UInt8] = []
        let writer = try XMLStreamWriter { output += $0 }
        try writer.startDocument()
        try writer.startElement("tmx")
        try writer.attribute("version", "1.4")
        try writer.startElement("body")
        try writer.startElement("seg", mixedContent: true)
        try writer.text("A < B & \"C\"  ")
        try writer.startElement("ph")
        try writer.text("<br/>")
        try writer.endElementWithClosingTag()
        try writer.endElementWithClosingTag()
        try writer.endElement()
        try writer.endElement()
        try writer.endDocument()
        let text = String(decoding: output, as: UTF8.self)
        #expect(text == """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4">
          <body>
            <seg>A &lt; B &amp; &quot;C&quot;  <ph>&lt;br/&gt;</ph></seg>
          </body>
        </tmx>

        """)
    }

    @Test func forbiddenCharactersAreDroppedAndCounted() throws {
        var output: [UInt8] = []
        let writer = try XMLStreamWriter(indent: false) { output += $0 }
        try writer.startElement("a")
        try writer.text("x\u{0B}y\u{0C}z")
        try writer.endElement()
        try writer.endDocument()
        #expect(String(decoding: output, as: UTF8.self).contains("<a>xyz</a>"))
        #expect(writer.removedCharacters == 2)
    }

    @Test func attributesEscapeWhitespaceAndKeepUTF8() throws {
        var output: [UInt8] = []
        let writer = try XMLStreamWriter(indent: false) { output += $0 }
        try writer.startElement("tu")
        try writer.attribute("creationid", "Иван \"И\" <&>\t\n\r\u{FFFF}")
        try writer.text("a\rb\u{FFFE}c")
        try writer.endElement()
        try writer.startElement("empty")
        try writer.endElement()
        try writer.endDocument()
        #expect(String(decoding: output, as: UTF8.self)
            == "<tu creationid=\"Иван &quot;И&quot; &lt;&amp;&gt;&#9;&#10;&#13;\">a&#13;bc</tu><empty/>\n")
        #expect(writer.removedCharacters == 2)
    }

    @Test func escapingAgreesWithACharacterByCharacterReference() throws {
        // Eight bytes are judged at once: put every special character at every offset.
        let alphabet: [String] = ["a", " ", "\"", "&", "<", ">", "\t", "\n", "\r", "\u{0B}", "щ", "中", "\u{FFFF}", "\u{FFFD}", "?"]
        var generator = SeededGenerator.fromEnvironment()
        let seed = generator.description
        for _ in 0..<200 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            for inAttribute in [false, true] {
                var output: [UInt8] = []
                let writer = try XMLStreamWriter(indent: false) { output += $0 }
                try writer.startElement("e")
                if inAttribute { try writer.attribute("a", text) } else { try writer.text(text) }
                try writer.endElementWithClosingTag()
                try writer.flush()
                var expected = ""
                for scalar in text.unicodeScalars {
                    switch scalar {
                    case "&": expected += "&amp;"
                    case "<": expected += "&lt;"
                    case ">": expected += "&gt;"
                    case "\"": expected += "&quot;"
                    case "\r": expected += "&#13;"
                    case "\n": expected += inAttribute ? "&#10;" : "\n"
                    case "\t": expected += inAttribute ? "&#9;" : "\t"
                    case "\u{0B}", "\u{FFFF}": break
                    default: expected.unicodeScalars.append(scalar)
                    }
                }
                let wrapped = inAttribute ? "<e a=\"\(expected)\"></e>" : "<e>\(expected)</e>"
                #expect(String(decoding: output, as: UTF8.self) == wrapped, "\(seed)")
            }
        }
    }

    @Test func htmlReaderRecoversAndDecodesEntities() throws {
        let html = "<html><body><p>SCO&nbsp;summit &amp; <b>talks</b><p>Second</body></html>"
        let root = try #require(try HTMLDocumentReader.parse(Array(html.utf8), fileName: "r.html"))
        let body = try #require(root.childElements.first { $0.name == "body" })
        #expect(body.childElements.map(\.name) == ["p", "p"])
        #expect(body.childElements[0].textContent == "SCO\u{00A0}summit & talks")
    }
}
