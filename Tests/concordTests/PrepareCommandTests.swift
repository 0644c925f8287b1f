import ConcordTestSupport
import Foundation
import Testing

/// Issue 15's "Done means": the example release prepared with the shipped memory and glossary,
/// XLIFF valid against the OASIS schemas, the terms where the English has them, an analysis that
/// adds up, the report in a real browser, and the round trip through the memory and back to the release.
@Suite struct PrepareCommandTests {
    static let release = TestSupport.packageRoot.appendingPathComponent("Examples/2019-04-24-moscow-conference.en.txt")
    static let memory = TestSupport.packageRoot.appendingPathComponent("TMX/un-testset.en-ru-zh.tmx")
    static let glossary = TestSupport.packageRoot.appendingPathComponent("Glossaries/sco.tbx")
    static let schemas = TestSupport.sharedData.appendingPathComponent("formats")
    static let xmllint = TestSupport.program(["xmllint"]) != nil

    static func prepare(_ arguments: [String], in directory: URL) throws -> TestSupport.RunResult {
        try TestSupport.runConcord(["prepare", release.path, "--from", "en", "--to", "ru", "--tm", memory.path,
                                    "--glossary", glossary.path] + arguments, directory: directory)
    }

    /// The units of an XLIFF 2.0 file as (id, source) pairs, read with a regular expression (what a script would do).
    static func units(_ xliff: String) -> [(id: String, block: String)] {
        xliff.components(separatedBy: "<unit id=\"").dropFirst().map { part in
            (String(part.prefix { $0 != "\"" }), part.components(separatedBy: "</unit>")[0])
        }
    }

    @Test func theExampleReleaseBecomesValidXLIFFWithTermsAndAnAnalysis() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try Self.prepare(["-o", "release.ru.xlf", "--analysis", "analysis.json"], in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("15 segments"))
        let xliff = try String(contentsOf: directory.appendingPathComponent("release.ru.xlf"), encoding: .utf8)
        let units = Self.units(xliff)
        #expect(units.count == 15)
        // The glossary's suggestions stand in the units whose English names the concept.
        for (english, russian) in [("SCO", "ШОС"), ("UN Charter", "Устав ООН"), ("Security Council", "Совет Безопасности ООН"), ("precursors", "прекурсоры")] {
            let having = units.filter { $0.block.contains("<source>") && $0.block.components(separatedBy: "<segment")[1].contains(english) }
            #expect(!having.isEmpty, "no unit names \(english)")
            for unit in having {
                let glossary = unit.block.components(separatedBy: "<gls:glossary>").last?.components(separatedBy: "</gls:glossary>").first ?? ""
                #expect(glossary.contains("<gls:translation source=\"sco.tbx\">") && glossary.contains(russian), "\(unit.id): no \(russian)")
            }
        }
        // The analysis adds up to the release's words (382, as wc -w counts them too).
        let analysis = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("analysis.json"))) as? [String: Any]
        let total = (analysis?["total"] as? [String: Any])?["words"] as? Int
        let bands = (analysis?["bands"] as? [String: [String: Any]]) ?? [:]
        #expect(total == 382)
        #expect(bands.values.compactMap { $0["words"] as? Int }.reduce(0, +) == total)
        #expect(Set(bands.keys) == ["101", "repetition", "100", "95-99", "85-94", "75-84", "50-74", "none"])
    }

    @Test(.enabled(if: TestSupport.sharedDataAvailable && xmllint, "skipped: needs ../shared/data (schemas) and xmllint"),
          arguments: [("2.0", "xliff20/xliff20-with-modules.xsd"), ("1.2", "xliff12/xliff-core-1.2-strict.xsd")])
    func theXLIFFIsValidAgainstTheSchema(_ version: String, _ schema: String) throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try Self.prepare(["-o", "release.xlf", "--xliff", version, "--lock", "100"], in: directory).status == 0)
        let valid = try TestSupport.runProgram("xmllint", ["--noout", "--schema", Self.schemas.appendingPathComponent(schema).path,
                                                           directory.appendingPathComponent("release.xlf").path])
        #expect(valid.status == 0, "\(valid.stderr)")
    }

    /// Writes a translation into every unit of an XLIFF 2.0 file, as a translator's tool would.
    static func translate(_ xliff: String, _ translation: (String) -> String) -> String {
        var result = xliff
        for unit in units(xliff) {
            guard let source = unit.block.components(separatedBy: "<source>").last?.components(separatedBy: "</source>").first else { continue }
            result = result.replacingOccurrences(of: "<segment id=\"\(unit.id)-1\" state=\"initial\">\n          <source>\(source)</source>",
                                                 with: "<segment id=\"\(unit.id)-1\" state=\"translated\">\n          <source>\(source)</source><target>\(translation(unit.id))</target>")
        }
        return result
    }

    @Test func theTranslationComesBackIntoTheMemoryAndTheRelease() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try Self.prepare(["-o", "release.ru.xlf"], in: directory).status == 0)
        let prepared = try String(contentsOf: directory.appendingPathComponent("release.ru.xlf"), encoding: .utf8)
        let translated = Self.translate(prepared) { "Перевод сегмента \($0.dropFirst())." }
        try translated.write(to: directory.appendingPathComponent("translated.ru.xlf"), atomically: true, encoding: .utf8)
        // Into the store, then the same release again: every segment a context match, filled in.
        let store = directory.appendingPathComponent("sco.tmdb").path
        let imported = try TestSupport.runConcord(["tm", "import", "translated.ru.xlf", "--db", store], directory: directory)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("15 added"), "\(imported.stderr)")
        let again = try TestSupport.runConcord(["prepare", Self.release.path, "--from", "en", "--to", "ru", "--db", store, "-o", "again.xlf",
                                                "--analysis", "again.json"], directory: directory)
        #expect(again.status == 0, "\(again.stderr)")
        let analysis = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("again.json"))) as? [String: Any]
        let context = ((analysis?["bands"] as? [String: [String: Any]])?["101"])?["segments"] as? Int
        #expect(context == 15)
        let refilled = try String(contentsOf: directory.appendingPathComponent("again.xlf"), encoding: .utf8)
        #expect(refilled.contains("<target>Перевод сегмента 7.</target>"))
        // And back into the release's own layout: one line per paragraph, as the English was.
        let finish = try TestSupport.runConcord(["finish", "translated.ru.xlf", "-o", "release.ru.txt"], directory: directory)
        #expect(finish.status == 0, "\(finish.stderr)")
        let text = try String(contentsOf: directory.appendingPathComponent("release.ru.txt"), encoding: .utf8)
        let english = try String(contentsOf: Self.release, encoding: .utf8)
        #expect(text.split(separator: "\n").count == english.split(separator: "\n").count)
        #expect(text.hasPrefix("Перевод сегмента 1. Перевод сегмента 2.\nПеревод сегмента 3."))
    }

    @Test func anHTMLReleaseIsRebuiltAsHTML() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let html = TestSupport.packageRoot.appendingPathComponent("Examples/release.ru.html")
        let run = try TestSupport.runConcord(["prepare", html.path, "--from", "ru", "--to", "en", "--no-glossary", "-o", "release.en.xlf"], directory: directory)
        #expect(run.status == 0, "\(run.stderr)")
        let prepared = try String(contentsOf: directory.appendingPathComponent("release.en.xlf"), encoding: .utf8)
        try Self.translate(prepared) { "Sentence <\($0)> & more." }.replacingOccurrences(of: "<target>Sentence <", with: "<target>Sentence &lt;")
            .replacingOccurrences(of: "> &amp; more.</target>", with: "&gt; &amp; more.</target>")
            .replacingOccurrences(of: "> & more.</target>", with: "&gt; &amp; more.</target>")
            .write(to: directory.appendingPathComponent("translated.xlf"), atomically: true, encoding: .utf8)
        let finish = try TestSupport.runConcord(["finish", "translated.xlf", "-o", "release.en.html"], directory: directory)
        #expect(finish.status == 0, "\(finish.stderr)")
        let text = try String(contentsOf: directory.appendingPathComponent("release.en.html"), encoding: .utf8)
        #expect(text.contains("<h1>Sentence &lt;s1&gt; &amp; more.</h1>"))
        #expect(text.contains("<html lang=\"ru\">") && text.hasSuffix("</body></html>\n"))
        #expect(!text.contains("Министры"))
    }

    @Test func copiedSourcesAreNotTranslationsButChangedOnesAre() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let english = TestSupport.packageRoot.appendingPathComponent("Examples/release.en.txt")
        #expect(try TestSupport.runConcord(["prepare", english.path, "--from", "en", "--to", "ru", "--no-glossary", "--xliff", "1.2",
                                            "--copy-source", "-o", "copy.xlf"], directory: directory).status == 0)
        var xliff = try String(contentsOf: directory.appendingPathComponent("copy.xlf"), encoding: .utf8)
        #expect(xliff.components(separatedBy: "state=\"needs-translation\">").count - 1 == 7)
        // As OmegaT 3.6 leaves it: one target translated, its state untouched.
        xliff = xliff.replacingOccurrences(of: "<target xml:lang=\"ru\" state=\"needs-translation\">The next meeting will take place in 2020.</target>",
                                           with: "<target xml:lang=\"ru\" state=\"needs-translation\">Следующая встреча состоится в 2020 году.</target>")
        try xliff.write(to: directory.appendingPathComponent("omegat.xlf"), atomically: true, encoding: .utf8)
        let finish = try TestSupport.runConcord(["finish", "omegat.xlf", "-o", "release.ru.txt"], directory: directory)
        #expect(finish.stderr.contains("1 of 7 segments translated"), "\(finish.stderr)")
        #expect(try String(contentsOf: directory.appendingPathComponent("release.ru.txt"), encoding: .utf8).contains("\n\nСледующая встреча состоится в 2020 году."))
        let lookup = try TestSupport.runConcord(["tm", "lookup", "The next meeting will take place in 2020.", "--tm", "omegat.xlf",
                                                 "--from", "en", "--to", "ru"], directory: directory)
        #expect(lookup.stdout.contains("100%  Следующая встреча состоится в 2020 году."), "\(lookup.stdout)")
        let store = directory.appendingPathComponent("s.tmdb").path
        #expect(try TestSupport.runConcord(["tm", "import", "omegat.xlf", "--db", store, "--states", "final"], directory: directory).stderr.contains("0 units read"))
    }

    static let inlineHTML = """
    <!DOCTYPE html>
    <html lang="en"><head><meta charset="utf-8"><title>Release</title></head>
    <body>
    <h1>SCO ministers met in <a href="https://example.org/astana">Astana</a></h1>
    <p>The <b>Council of Foreign Ministers</b> of the SCO met on 24 April. <i>The ministers</i> discussed security &amp; trade.</p>
    </body></html>
    """

    @Test(arguments: ["2.0", "1.2"])
    func inlineMarkupTravelsAsCodesAndComesBack(_ version: String) throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.inlineHTML.write(to: directory.appendingPathComponent("inline.en.html"), atomically: true, encoding: .utf8)
        try "The **Council** met. See [the statement](https://example.org/s) and `code`.\n"
            .write(to: directory.appendingPathComponent("inline.en.md"), atomically: true, encoding: .utf8)
        let run = try TestSupport.runConcord(["prepare", "inline.en.html", "inline.en.md", "--from", "en", "--to", "ru", "--no-glossary",
                                              "--xliff", version, "--copy-source", "-o", "out"], directory: directory)
        #expect(run.status == 0, "\(run.stderr)")
        for name in ["inline-html.ru.xlf", "inline-md.ru.xlf"] {
            let path = directory.appendingPathComponent("out/\(name)").path
            var xliff = try String(contentsOfFile: path, encoding: .utf8)
            #expect(xliff.contains(version == "2.0" ? "<sc id=\"1\"" : "<bpt id=\"1\""), "\(name): no inline code")
            if Self.xmllint, TestSupport.sharedDataAvailable {
                let schema = version == "2.0" ? "xliff20/xliff20-with-modules.xsd" : "xliff12/xliff-core-1.2-strict.xsd"
                let valid = try TestSupport.runProgram("xmllint", ["--noout", "--schema", Self.schemas.appendingPathComponent(schema).path, path])
                #expect(valid.status == 0, "\(valid.stderr)")
            }
            // A translator's tool keeps the codes and changes the words.
            xliff = xliff.replacingOccurrences(of: "Council", with: "Совет").replacingOccurrences(of: "Astana", with: "Астана")
            try xliff.write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(try TestSupport.runConcord(["finish", "out/inline-html.ru.xlf", "-o", "inline.ru.html"], directory: directory).status == 0)
        let html = try String(contentsOf: directory.appendingPathComponent("inline.ru.html"), encoding: .utf8)
        #expect(html.contains("<h1>SCO ministers met in <a href=\"https://example.org/astana\">Астана</a></h1>"), "\(html)")
        #expect(html.contains("<p>The <b>Совет of Foreign Ministers</b> of the SCO met on 24 April. <i>The ministers</i> discussed security &amp; trade.</p>"), "\(html)")
        #expect(try TestSupport.runConcord(["finish", "out/inline-md.ru.xlf", "-o", "inline.ru.md"], directory: directory).status == 0)
        let markdown = try String(contentsOf: directory.appendingPathComponent("inline.ru.md"), encoding: .utf8)
        #expect(markdown == "The **Совет** met. See [the statement](https://example.org/s) and `code`.\n", "\(markdown)")
    }

    static let browser = TestSupport.program(["chromium", "chromium-browser", "google-chrome"])

    @Test(.enabled(if: browser != nil, "skipped: no headless browser (.ci/run installs Debian's chromium)"))
    func theReportRendersInHeadlessChromium() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try Self.prepare(["-o", "release.ru.xlf", "--report", "report.html"], in: directory).status == 0)
        let page = directory.appendingPathComponent("report.html")
        let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(directory.appendingPathComponent("profile").path)"]
        let dom = try TestSupport.runProgram(Self.browser!, flags + ["--dump-dom", page.absoluteString])
        #expect(dom.status == 0, "\(dom.stderr.suffix(500))")
        #expect(dom.stdout.components(separatedBy: "<tr class=\"segment ").count - 1 == 15)
        #expect(dom.stdout.contains("<td>Total</td><td>15</td><td>382</td>"))
        #expect(dom.stdout.contains("прекурсоры"))
        let screenshot = directory.appendingPathComponent("report.png")
        let shot = try TestSupport.runProgram(Self.browser!, flags + ["--window-size=1280,1000", "--screenshot=\(screenshot.path)", page.absoluteString])
        #expect(shot.status == 0)
        #expect(((try? FileManager.default.attributesOfItem(atPath: screenshot.path)[.size] as? Int) ?? 0) > 10_000)
    }
}
