import ConcordTestSupport
import Foundation
import Testing

/// The CLI as users and their scripts see it: the built binary, exit codes, JSON.
@Suite struct TMXCommandTests {
    static let sample = """
    <?xml version="1.0" encoding="UTF-8"?>
    <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>
    <body>
    <tu tuid="1" changedate="20190424T093000Z"><prop type="client">SCO</prop><tuv xml:lang="en-GB"><seg>SCO summit</seg></tuv><tuv xml:lang="ru-RU"><seg>Саммит ШОС</seg></tuv></tu>
    <tu tuid="2" changedate="20180101T000000Z"><tuv xml:lang="en-GB"><seg>Press release</seg></tuv><tuv xml:lang="ru-RU"><seg>Press release</seg></tuv></tu>
    <tu tuid="3" changedate="20200101T000000Z"><prop type="client">SCO</prop><tuv xml:lang="en-GB"><seg>SCO summit</seg></tuv><tuv xml:lang="ru-RU"><seg>Саммит ШОС</seg></tuv></tu>
    </body></tmx>
    """

    func withSample(_ body: (URL) throws -> Void) throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.sample.write(to: directory.appendingPathComponent("sample.tmx"), atomically: true, encoding: .utf8)
        try body(directory)
    }

    @Test func versionAndHelp() throws {
        let version = try TestSupport.runConcord(["--version"])
        #expect(version.status == 0)
        #expect(!version.stdout.isEmpty)
        let help = try TestSupport.runConcord(["tmx", "stats", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Example"))
    }

    @Test func statsJSONFollowsTheContract() throws {
        try withSample { directory in
            let result = try TestSupport.runConcord(["tmx", "stats", directory.appendingPathComponent("sample.tmx").path, "--format", "json"])
            #expect(result.status == 0)
            let object = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
            #expect(object["units"] as? Int == 3)
            #expect(object["languages"] as? [String: Int] == ["en-GB": 3, "ru-RU": 3])
            #expect(object["sourceLanguage"] as? String == "en")
            #expect((object["diagnostics"] as? [Any])?.isEmpty == true)
            let short = try TestSupport.runConcord(["tmx", "stats", directory.appendingPathComponent("sample.tmx").path, "--json"])
            #expect(short.stdout == result.stdout)
        }
    }

    @Test func statsReadsStandardInput() throws {
        let result = try TestSupport.runConcord(["tmx", "stats", "-", "--json"], input: Data(Self.sample.utf8))
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"units\":3"))
    }

    @Test func exitCodesForBadInput() throws {
        try withSample { directory in
            let missing = try TestSupport.runConcord(["tmx", "stats", directory.appendingPathComponent("nope.tmx").path])
            #expect(missing.status == 66)
            let broken = directory.appendingPathComponent("broken.tmx")
            try "<tmx><header/><body><tu><tuv xml:lang=\"en\"><seg>x</tuv></tu></body></tmx>".write(to: broken, atomically: true, encoding: .utf8)
            let notWellFormed = try TestSupport.runConcord(["tmx", "stats", broken.path])
            #expect(notWellFormed.status == 65)
            #expect(notWellFormed.stderr.contains("broken.tmx:1:"))
            let usage = try TestSupport.runConcord(["tmx", "stats"])
            #expect(usage.status == 64)
            let badOutput = try TestSupport.runConcord(["tmx", "convert", directory.appendingPathComponent("sample.tmx").path, "-o", "/nonexistent/x.tmx"])
            #expect(badOutput.status == 73)
            let unknown = try TestSupport.runConcord(["tmx", "convert", directory.appendingPathComponent("sample.tmx").path, "-o", directory.appendingPathComponent("x.docx").path])
            #expect(unknown.status == 64)
        }
    }

    @Test func validateExitsOneOnErrors() throws {
        try withSample { directory in
            let good = try TestSupport.runConcord(["tmx", "validate", directory.appendingPathComponent("sample.tmx").path])
            #expect(good.status == 0)
            let bad = directory.appendingPathComponent("bad.tmx")
            try "<tmx version=\"1.4\"><header creationtool=\"x\"/><body><tu><tuv xml:lang=\"en\"><seg><ept i=\"1\">x</ept></seg></tuv><tuv xml:lang=\"fr\"><seg>y</seg></tuv></tu></body></tmx>"
                .write(to: bad, atomically: true, encoding: .utf8)
            let result = try TestSupport.runConcord(["tmx", "validate", bad.path, "--json"])
            #expect(result.status == 1)
            #expect(result.stdout.contains("tmx.unpaired-code"))
        }
    }

    @Test func convertToTablesAndBack() throws {
        try withSample { directory in
            let csv = directory.appendingPathComponent("out.csv")
            let toCSV = try TestSupport.runConcord(["tmx", "convert", directory.appendingPathComponent("sample.tmx").path, "-o", csv.path, "--langs", "en,ru"])
            #expect(toCSV.status == 0)
            #expect(try String(contentsOf: csv, encoding: .utf8) == "en,ru\r\nSCO summit,Саммит ШОС\r\nPress release,Press release\r\nSCO summit,Саммит ШОС\r\n")
            let back = directory.appendingPathComponent("back.tmx")
            #expect(try TestSupport.runConcord(["tmx", "convert", csv.path, "-o", back.path]).status == 0)
            let stats = try TestSupport.runConcord(["tmx", "stats", back.path, "--json"])
            #expect(stats.stdout.contains("\"units\":3"))
            let jsonl = directory.appendingPathComponent("out.jsonl")
            #expect(try TestSupport.runConcord(["tmx", "convert", directory.appendingPathComponent("sample.tmx").path, "-o", jsonl.path]).status == 0)
            let firstLine = try String(contentsOf: jsonl, encoding: .utf8).split(separator: "\n")[0]
            let object = try #require(try JSONSerialization.jsonObject(with: Data(firstLine.utf8)) as? [String: Any])
            #expect(object["tuid"] as? String == "1")
            #expect((object["variants"] as? [[String: String]])?.first?["language"] == "en-GB")
            #expect((object["properties"] as? [[String: String]])?.first?["value"] == "SCO")
        }
    }

    @Test func mergeDedupeAndFilter() throws {
        try withSample { directory in
            let sample = directory.appendingPathComponent("sample.tmx").path
            let merged = directory.appendingPathComponent("merged.tmx")
            #expect(try TestSupport.runConcord(["tmx", "merge", sample, sample, "-o", merged.path, "--dedupe"]).status == 0)
            #expect(try TestSupport.runConcord(["tmx", "stats", merged.path, "--json"]).stdout.contains("\"units\":2"))

            let filtered = directory.appendingPathComponent("filtered.tmx")
            let result = try TestSupport.runConcord(["tmx", "filter", sample, "-o", filtered.path, "--since", "2019-01-01", "--prop", "client=SCO", "--drop-untranslated"])
            #expect(result.status == 0)
            #expect(try TestSupport.runConcord(["tmx", "stats", filtered.path, "--json"]).stdout.contains("\"units\":2"))
            let untranslated = try TestSupport.runConcord(["tmx", "filter", sample, "-o", filtered.path, "--drop-untranslated"])
            #expect(untranslated.status == 0)
            #expect(try TestSupport.runConcord(["tmx", "stats", filtered.path, "--json"]).stdout.contains("\"units\":2"))
            let badDate = try TestSupport.runConcord(["tmx", "filter", sample, "-o", filtered.path, "--since", "last week"])
            #expect(badDate.status == 64)
        }
    }

    @Test func failedConversionLeavesNoPartialFile() throws {
        try withSample { directory in
            let broken = directory.appendingPathComponent("broken.tmx")
            var text = Self.sample.replacingOccurrences(of: "</body></tmx>", with: "")
            text += "<tu><tuv xml:lang=\"en\"><seg>cut"
            try text.write(to: broken, atomically: true, encoding: .utf8)
            let output = directory.appendingPathComponent("out.tmx")
            let result = try TestSupport.runConcord(["tmx", "convert", broken.path, "-o", output.path])
            #expect(result.status == 65)
            #expect(!FileManager.default.fileExists(atPath: output.path))
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["broken.tmx", "sample.tmx"])
        }
    }
}
