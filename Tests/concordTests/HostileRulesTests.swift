import ConcordTestSupport
import Foundation
import Testing

/// Segmentation rules written to hurt: a rule that backtracks without end is
/// stopped by ICU's time limit and reported with the rule and the position.
@Suite struct HostileRulesTests {
    static let rules = """
    <?xml version="1.0" encoding="UTF-8"?>
    <srx xmlns="http://www.lisa.org/srx20" version="2.0"><header segmentsubflows="yes" cascade="yes"/><body>
    <languagerules><languagerule languagerulename="Backtracking">
    <rule break="no"><beforebreak>(a+)+$</beforebreak><afterbreak>\\s</afterbreak></rule>
    </languagerule></languagerules>
    <maprules><languagemap languagepattern=".*" languagerulename="Backtracking"/></maprules>
    </body></srx>
    """

    @Test func aBacktrackingRuleIsStoppedAndNamed() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.rules.write(to: directory.appendingPathComponent("evil.srx"), atomically: true, encoding: .utf8)
        try (String(repeating: "a", count: 38) + "b. Next one.\n").write(to: directory.appendingPathComponent("doc.txt"), atomically: true, encoding: .utf8)
        let result = try TestSupport.runConcord(["segment", "doc.txt", "--lang", "en", "--rules", "evil.srx"], directory: directory)
        #expect(result.status == 65)
        #expect(result.stderr.contains("'Backtracking', rule 1"))
        #expect(result.stderr.contains("ran out of time at character 40"))
    }
}

/// HTML nested deeper than libxml2 follows: refused with the position, never cut short in silence.
@Suite struct DeepHTMLTests {
    @Test func deepNestingIsRefusedWithItsPosition() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let html = "<html><body><p>Start.</p>\n" + String(repeating: "<span>", count: 300) + "Deep text.<p>End of the document.</p></body></html>\n"
        try html.write(to: directory.appendingPathComponent("deep.html"), atomically: true, encoding: .utf8)
        let result = try TestSupport.runConcord(["segment", "deep.html", "--lang", "en"], directory: directory)
        #expect(result.status == 65)
        #expect(result.stderr.contains("deep.html:2:"))
        #expect(result.stderr.contains("nested more than 256 deep"))
        // 200 levels are read whole.
        let fine = "<html><body>" + String(repeating: "<span>", count: 200) + "Deep text. End of the document.</body></html>\n"
        try fine.write(to: directory.appendingPathComponent("fine.html"), atomically: true, encoding: .utf8)
        let read = try TestSupport.runConcord(["segment", "fine.html", "--lang", "en"], directory: directory)
        #expect(read.status == 0)
        #expect(read.stdout.contains("End of the document."))
    }
}

/// Files that are not what they claim, in words a translator understands (not libxml2's).
@Suite struct PlainMessageTests {
    @Test func emptyCutOffBinaryAndNonXMLFiles() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let memory = TMStoreCommandTests.memory
        let cut = String(memory.prefix(memory.count * 2 / 3))
        let files: [(String, Data, String)] = [
            ("empty.tmx", Data(), "is empty"),
            ("cut.tmx", Data(cut.utf8), "ends before the document is complete"),
            ("nul.tmx", Data(repeating: 0, count: 5000), "is not a text file"),
            ("image.tbx", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]), "is not a text file"),
            ("notes.tmx", Data("Just some notes.\n".utf8), "does not begin with '<'"),
        ]
        let folder = try TestSupport.runConcord(["tmx", "stats", directory.path])
        #expect(folder.status == 66)
        #expect(folder.stderr.contains("is a directory"))
        for (name, bytes, words) in files {
            try bytes.write(to: directory.appendingPathComponent(name))
            let command = name.hasSuffix(".tbx") ? ["glossary", "stats", name] : ["tmx", "stats", name]
            let result = try TestSupport.runConcord(command, directory: directory)
            #expect(result.status == 65, "\(name): \(result.stderr)")
            #expect(result.stderr.contains(words), "\(name): \(result.stderr)")
            #expect(!result.stderr.contains("Extra content") && !result.stderr.contains("Document is empty"))
        }
    }
}

/// Language options take language codes, and say which one was meant.
@Suite struct LanguageOptionTests {
    @Test func wordsAndUnknownCodesAreUsageErrorsWithASuggestion() throws {
        let cases: [([String], String)] = [
            (["segment", "-", "--lang", "english"], "did you mean 'en'?"),
            (["segment", "-", "--lang", "xx"], "names no known language"),
            (["segment", "-", "--lang", "!!!"], "is not a language tag"),
            (["tm", "lookup", "x", "--tm", "m.tmx", "--from", "en", "--to", "russian"], "did you mean 'ru'?"),
            (["terms", "-", "--glossary", "g.tbx", "--from", "chinese"], "did you mean 'zh'?"),
            (["tmx", "convert", "m.tmx", "-o", "m.csv", "--langs", "en,zh_CN"], "did you mean 'zh-CN'?"),
        ]
        for (arguments, words) in cases {
            let result = try TestSupport.runConcord(arguments, input: Data("Text.".utf8))
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(words), "\(arguments): \(result.stderr)")
        }
        #expect(try TestSupport.runConcord(["segment", "-", "--lang", "zh-Hans-CN"], input: Data("你好。".utf8)).status == 0)
    }
}

extension LanguageOptionTests {
    /// A language the data does not have is said, not passed over in silence.
    @Test func aLanguageTheDataLacksIsReported() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try TMStoreCommandTests.memory.write(to: directory.appendingPathComponent("m.tmx"), atomically: true, encoding: .utf8)
        let lookup = try TestSupport.runConcord(["tm", "lookup", "Talks ended.", "--tm", "m.tmx", "--from", "en", "--to", "de"], directory: directory)
        #expect(lookup.stderr.contains("no unit has both en and de; its languages are en, ru, zh"))
        #expect(try TestSupport.runConcord(["tm", "import", "m.tmx", "--db", "m.db"], directory: directory).status == 0)
        let edit = try TestSupport.runConcord(["tm", "edit", "--db", "m.db", "--tuid", "b", "--lang", "de", "--text", "Gespräche endeten."], directory: directory)
        #expect(edit.status == 0)
        #expect(edit.stderr.contains("no unit matched") && edit.stderr.contains("nothing changed"))
        let terms = try TestSupport.runConcord(["terms", "-", "--glossary", TestSupport.packageRoot.appendingPathComponent("Glossaries/sco.tbx").path, "--from", "de"],
                                              input: Data("Der Gipfel.".utf8))
        #expect(terms.stderr.contains("no term in de"))
    }
}

/// The smaller faults of the reliability issue, each as a user meets it.
@Suite struct SmallFaultTests {
    @Test func deviceNegativeNumbersPenaltiesAndExternalEntities() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try TMStoreCommandTests.memory.write(to: directory.appendingPathComponent("m.tmx"), atomically: true, encoding: .utf8)

        let zero = try TestSupport.runConcord(["segment", "/dev/zero", "--lang", "en"])
        #expect(zero.status == 65)
        #expect(zero.stderr.contains("is not a text file"))

        let negative = try TestSupport.runConcord(["tm", "lookup", "x", "--tm", "m.tmx", "--from", "en", "--to", "ru", "--min", "-5"], directory: directory)
        #expect(negative.status == 64)
        #expect(negative.stderr.contains("--min must be between 0 and 100"))

        let penalty = try TestSupport.runConcord(["tm", "lookup", "x", "--tm", "m.tmx:-50", "--from", "en", "--to", "ru"], directory: directory)
        #expect(penalty.status == 64)
        #expect(penalty.stderr.contains("penalty"))

        let xxe = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE tmx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/><body>
        <tu><tuv xml:lang="en"><seg>Read &secret; here</seg></tuv><tuv xml:lang="ru"><seg>x</seg></tuv></tu>
        </body></tmx>
        """
        try xxe.write(to: directory.appendingPathComponent("xxe.tmx"), atomically: true, encoding: .utf8)
        let stats = try TestSupport.runConcord(["tmx", "stats", "xxe.tmx", "--json"], directory: directory)
        #expect(stats.status == 0)
        #expect(stats.stdout.contains("tmx.entity-not-loaded"))
        #expect(!stats.stdout.contains("root:"))
    }

    @Test func segmentJSONIsStreamedAndWhole() throws {
        let text = (0..<20_000).map { "Sentence \($0) of the release." }.joined(separator: " ")
        let result = try TestSupport.runConcord(["segment", "-", "--lang", "en", "--json"], input: Data(text.utf8))
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any]
        let segments = object?["segments"] as? [[String: Any]]
        #expect(segments?.count == 20_000)
        #expect(segments?.last?["text"] as? String == "Sentence 19999 of the release.")
        #expect(segments?.first?.keys.sorted() == ["end", "paragraph", "start", "text"])
    }
}

extension SmallFaultTests {
    /// Counts say what was done, in English: a unit TMX cannot hold is not counted as written.
    @Test func countsAndSingulars() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let memory = #"<?xml version="1.0"?><tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/><body><tu tuid="e"></tu><tu><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="ru"><seg>б</seg></tuv></tu></body></tmx>"#
        try memory.write(to: directory.appendingPathComponent("m.tmx"), atomically: true, encoding: .utf8)
        let convert = try TestSupport.runConcord(["tmx", "convert", "m.tmx", "-o", "out.tmx"], directory: directory)
        #expect(convert.stderr.contains("2 units read, 1 written to out.tmx"), "\(convert.stderr)")
        let validate = try TestSupport.runConcord(["tmx", "validate", "out.tmx"], directory: directory)
        #expect(validate.stdout.contains("1 unit, 0 errors, 0 warnings"), "\(validate.stdout)")
    }
}

/// Commands that write a file report what they did as JSON too.
@Suite struct ConversionSummaryTests {
    @Test func writingCommandsPrintAJSONSummary() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for folder in ["Examples", "Glossaries"] {
            try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent(folder), to: directory.appendingPathComponent(folder))
        }
        let commands: [[String]] = [
            ["tmx", "convert", "Examples/new.tmx", "-o", "a.csv", "--json"],
            ["tmx", "filter", "Examples/new.tmx", "-o", "b.tmx", "--drop-untranslated", "--json"],
            ["tmx", "merge", "Examples/old.tmx", "Examples/new.tmx", "-o", "c.tmx", "--dedupe", "--json"],
            ["tm", "import", "Examples/new.tmx", "--db", "s.db", "--json"],
            ["glossary", "convert", "Glossaries/sco.tbx", "-o", "g.csv", "--json"],
        ]
        for command in commands {
            let result = try TestSupport.runConcord(command, directory: directory)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            let object = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any]
            #expect(object?.keys.sorted() == ["diagnostics", "merged", "read", "skipped", "written"], "\(command): \(result.stdout)")
        }
        let filtered = try TestSupport.runConcord(commands[1], directory: directory)
        let object = try JSONSerialization.jsonObject(with: filtered.stdoutData) as? [String: Any]
        #expect(object?["read"] as? Int == 3 && object?["written"] as? Int == 2 && object?["skipped"] as? Int == 1)
        #expect(try TestSupport.runConcord(["tmx", "convert", "Examples/new.tmx", "-o", "-", "--json"], directory: directory).status == 64)
    }
}
