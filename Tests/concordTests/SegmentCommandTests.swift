import ConcordTestSupport
import Foundation
import Testing

@Suite struct SegmentCommandTests {
    static let release = """
    On 24 April 2019 the 8th Moscow Conference on\u{00A0}International Security began in\u{00A0}Moscow. SCO Secretary-General V. Norov took part in it.
    "The SCO is open to dialogue," Mr Norov noted. "We are ready to cooperate. The threat is growing."
    The forum aims to strengthen cooperation, e.g. between military agencies.
    """

    func segments(_ arguments: [String], input: String) throws -> [[String: Any]] {
        let result = try TestSupport.runConcord(arguments + ["--json"], input: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        return try #require(object["segments"] as? [[String: Any]])
    }

    @Test func anEmptyDocumentSaysSo() throws {
        for content in ["", "  \n\n\t\n", "<html><body><script>x()</script></body></html>"] {
            let directory = try TestSupport.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let file = directory.appendingPathComponent(content.hasPrefix("<") ? "empty.html" : "empty.txt")
            try content.write(to: file, atomically: true, encoding: .utf8)
            let segmented = try TestSupport.runConcord(["segment", file.path, "--lang", "en"])
            #expect(segmented.status == 0)
            #expect(segmented.stdout.isEmpty)
            #expect(segmented.stderr.contains("\(file.path): warning: is empty: it holds no text to segment [document.empty]"), "\(segmented.stderr)")
            let terms = try TestSupport.runConcord(["terms", file.path, "--glossary", TestSupport.packageRoot.appendingPathComponent("Glossaries/sco.tbx").path,
                                                    "--from", "en"])
            #expect(terms.status == 0)
            #expect(terms.stderr.contains("[document.empty]"))
        }
    }

    @Test func jsonHasTextParagraphAndScalarOffsets() throws {
        let list = try segments(["segment", "-", "--lang", "en"], input: Self.release)
        let texts = list.map { $0["text"] as! String }
        #expect(texts == [
            "On 24 April 2019 the 8th Moscow Conference on\u{00A0}International Security began in\u{00A0}Moscow.",
            "SCO Secretary-General V. Norov took part in it.",
            "\"The SCO is open to dialogue,\" Mr Norov noted.",
            "\"We are ready to cooperate.",
            "The threat is growing.\"",
            "The forum aims to strengthen cooperation, e.g. between military agencies.",
        ])
        #expect(list.map { $0["paragraph"] as! Int } == [0, 0, 1, 1, 1, 2])
        let scalars = Array(Self.release.unicodeScalars)
        for segment in list {
            let start = segment["start"] as! Int, end = segment["end"] as! Int
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == segment["text"] as! String)
        }
    }

    @Test func htmlAndPlainTextGiveTheSameSegments() throws {
        let paragraphs = Self.release.split(separator: "\n").map { line in
            line.replacingOccurrences(of: "\u{00A0}", with: "&nbsp;")
                .replacingOccurrences(of: "Moscow Conference", with: "<b>Moscow Conference</b>")
                .replacingOccurrences(of: "\"", with: "&quot;")
        }
        let html = """
        <!DOCTYPE html><html><head><title>Press release</title><style>p { color: red }</style></head>
        <body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
        \(paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n"))
        <script>var x = "Do not translate. Ever.";</script></body></html>
        """
        let fromText = try segments(["segment", "-", "--lang", "en"], input: Self.release).map { $0["text"] as! String }
        let fromHTML = try segments(["segment", "-", "--lang", "en", "--input-format", "html"], input: html).map { $0["text"] as! String }
        #expect(fromHTML == fromText)
    }

    @Test func markdownMarkersAreNotPartOfSegments() throws {
        let markdown = "# SCO summit opens\n\n- Leaders met in Astana. They signed a declaration.\n- The next summit is in 2025.\n\n```\ncode. Not text.\n```\n"
        let texts = try segments(["segment", "-", "--lang", "en", "--input-format", "md"], input: markdown).map { $0["text"] as! String }
        #expect(texts == ["SCO summit opens", "Leaders met in Astana.", "They signed a declaration.", "The next summit is in 2025."])
    }

    @Test func quotesKeepHoldsAQuotation() throws {
        let texts = try segments(["segment", "-", "--lang", "en", "--quotes", "keep"], input: "He said: \"We are ready. We will act.\" Then he left.")
            .map { $0["text"] as! String }
        #expect(texts == ["He said: \"We are ready. We will act.\"", "Then he left."])
    }

    @Test func exportedRulesRoundTripThroughTheCLI() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let srx = directory.appendingPathComponent("rules.srx").path
        #expect(try TestSupport.runConcord(["segment", "--export-rules", srx]).status == 0)
        let own = try segments(["segment", "-", "--lang", "ru"], input: "Встреча прошла в г. Москве. В.В. Путин выступил.")
        let exported = try segments(["segment", "-", "--lang", "ru", "--rules", srx], input: "Встреча прошла в г. Москве. В.В. Путин выступил.")
        #expect(own.map { $0["text"] as! String } == exported.map { $0["text"] as! String })
        #expect(own.count == 2)
    }

    @Test func badInputsAndUsage() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let broken = directory.appendingPathComponent("broken.srx")
        try "<srx><body><languagerules>\n<languagerule languagerulename=\"x\"></srx>".write(to: broken, atomically: true, encoding: .utf8)
        let badRules = try TestSupport.runConcord(["segment", "-", "--lang", "en", "--rules", broken.path], input: Data("x".utf8))
        #expect(badRules.status == 65)
        #expect(badRules.stderr.contains("broken.srx:2:"))
        #expect(try TestSupport.runConcord(["segment", "-"], input: Data("x".utf8)).status == 64)
        #expect(try TestSupport.runConcord(["segment", directory.appendingPathComponent("none.txt").path, "--lang", "en"]).status == 66)
        let latin1 = directory.appendingPathComponent("latin1.txt")
        try Data([0x43, 0x61, 0x66, 0xE9, 0x2E]).write(to: latin1)
        #expect(try TestSupport.runConcord(["segment", latin1.path, "--lang", "fr"]).status == 65)
    }

    @Test(.enabled(if: TestSupport.sharedDataAvailable, "\(TestSupport.sharedDataSkipMessage)"))
    func theSharedReleaseSegments() throws {
        let path = TestSupport.sharedData.appendingPathComponent("releases/2019-04-24-moscow-conference.en.txt").path
        let result = try TestSupport.runConcord(["segment", path, "--lang", "en"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count >= 12)
        #expect(lines.contains { $0.hasPrefix("\"Today the world is facing increased instability") })
    }
}
