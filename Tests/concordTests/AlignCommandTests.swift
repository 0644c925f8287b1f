import ConcordTestSupport
import Foundation
import Testing

@Suite struct AlignCommandTests {
    static let english = """
    SCO Foreign Ministers met in Astana

    On 24 April 2019 the Council of Foreign Ministers of the SCO met in Astana. The ministers discussed security. They adopted 12 documents.

    The next meeting will be held in Bishkek.
    """
    static let chinese = """
    上合组织外长在阿斯塔纳举行会议

    2019年4月24日，上合组织外长理事会在阿斯塔纳举行会议。外长们讨论了安全问题。会议通过了12份文件。

    下次会议将在比什凯克举行。
    """

    @Test func aReleaseAndItsTranslationBecomeUnits() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (en, zh) = (directory.appendingPathComponent("release.en.txt"), directory.appendingPathComponent("release.zh.txt"))
        try Self.english.write(to: en, atomically: true, encoding: .utf8)
        try Self.chinese.write(to: zh, atomically: true, encoding: .utf8)
        let beads = try TestSupport.runConcord(["align", en.path, zh.path, "--from", "en", "--to", "zh", "--beads"])
        #expect(beads.status == 0)
        #expect(beads.stdout == "[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[3]\n[4]:[4]\n")
        let tmx = directory.appendingPathComponent("release.tmx")
        let written = try TestSupport.runConcord(["align", en.path, zh.path, "--from", "en", "--to", "zh", "-o", tmx.path])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stderr.contains("5 units written"))
        let stats = try TestSupport.runConcord(["tmx", "validate", tmx.path])
        #expect(stats.status == 0)
        let text = try String(contentsOf: tmx, encoding: .utf8)
        #expect(text.contains("<seg>They adopted 12 documents.</seg>") && text.contains("<seg>会议通过了12份文件。</seg>"))
        #expect(text.contains(#"<prop type="x-document">release.en.txt</prop>"#) && text.contains(#"<prop type="x-alignment-confidence">"#))
        let json = try TestSupport.runConcord(["align", en.path, zh.path, "--from", "en", "--to", "zh", "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["beads"] as? [[String: Any]])?.count == 5)
    }

    @Test func unitsGoIntoAStoreAndWhatIsLeftOutIsListed() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (en, zh) = (directory.appendingPathComponent("release.en.txt"), directory.appendingPathComponent("release.zh.txt"))
        try (Self.english + "\n\nThe ministers thanked Kazakhstan for its hospitality.").write(to: en, atomically: true, encoding: .utf8)
        try Self.chinese.write(to: zh, atomically: true, encoding: .utf8)
        let db = directory.appendingPathComponent("aligned.tmdb").path
        let added = try TestSupport.runConcord(["align", en.path, zh.path, "--from", "en", "--to", "zh", "--db", db])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stderr.contains("left out [5]:[] (not in the translation): The ministers thanked Kazakhstan"))
        #expect(added.stderr.contains("5 added, 0 merged"))
        let stats = try TestSupport.runConcord(["tm", "stats", "--db", db, "--json"])
        #expect(stats.stdout.contains("\"units\":5"))
        let export = directory.appendingPathComponent("out.tmx")
        #expect(try TestSupport.runConcord(["tm", "export", "--db", db, "-o", export.path]).status == 0)
        #expect(try String(contentsOf: export, encoding: .utf8).contains(#"srclang="en""#))
    }

    @Test func threeLanguagesMakeTrilingualUnits() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let russian = """
        Министры иностранных дел ШОС встретились в Астане

        24 апреля 2019 года Совет министров иностранных дел ШОС провёл заседание в Астане. Министры обсудили вопросы безопасности. Было принято 12 документов.

        Следующее заседание пройдёт в Бишкеке.
        """
        let files = [("release.en.txt", Self.english), ("release.ru.txt", russian), ("release.zh.txt", Self.chinese)].map { name, text in
            let url = directory.appendingPathComponent(name)
            try? text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
        let tmx = directory.appendingPathComponent("release.tmx")
        let run = try TestSupport.runConcord(["align"] + files + ["--from", "en", "--to", "ru,zh", "-o", tmx.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("5 units: 5 in every language"))
        let text = try String(contentsOf: tmx, encoding: .utf8)
        #expect(text.contains(#"srclang="en""#))
        #expect(text.components(separatedBy: "</tu>").count - 1 == 5)
        #expect(text.contains("<seg>Было принято 12 документов.</seg>") && text.contains("<seg>会议通过了12份文件。</seg>"))
        #expect(try TestSupport.runConcord(["tmx", "validate", tmx.path]).status == 0)
        // Two translations need two languages, and the other way round.
        #expect(try TestSupport.runConcord(["align"] + files + ["--from", "en", "--to", "ru"]).status == 64)
    }

    @Test func foldersOfReleasesArePairedByNameAndAlignedIntoAStore() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (en, zh) = (directory.appendingPathComponent("en"), directory.appendingPathComponent("zh"))
        for folder in [en, zh] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        try Self.english.write(to: en.appendingPathComponent("2019-04-24-astana.en.txt"), atomically: true, encoding: .utf8)
        try Self.chinese.write(to: zh.appendingPathComponent("2019-04-24-astana_zh.txt"), atomically: true, encoding: .utf8)
        try "A release without its translation, of 2021.".write(to: en.appendingPathComponent("2021-06-15-dushanbe.en.txt"), atomically: true, encoding: .utf8)
        let db = directory.appendingPathComponent("archive.tmdb").path
        let run = try TestSupport.runConcord(["align", en.path, zh.path, "--from", "en", "--to", "zh", "--db", db])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("2021-06-15-dushanbe.en.txt: no document to pair it with"))
        #expect(run.stderr.contains("1 document set aligned: 5 units added"))
        #expect(try TestSupport.runConcord(["tm", "stats", "--db", db, "--json"]).stdout.contains("\"units\":5"))
        // The units are dated as the release is, by its file name.
        let export = directory.appendingPathComponent("archive.tmx")
        #expect(try TestSupport.runConcord(["tm", "export", "--db", db, "-o", export.path]).status == 0)
        #expect(try String(contentsOf: export, encoding: .utf8).contains(#"creationdate="20190424T000000Z""#))
        // Folders and documents do not mix.
        #expect(try TestSupport.runConcord(["align", en.path, directory.appendingPathComponent("x.txt").path, "--from", "en", "--to", "zh"]).status == 64)
    }

    @Test func wrongLanguagesAndOneStreamAreRefused() throws {
        #expect(try TestSupport.runConcord(["align", "a.txt", "b.txt", "--from", "english", "--to", "zh"]).status == 64)
        #expect(try TestSupport.runConcord(["align", "-", "-", "--from", "en", "--to", "zh"]).status == 64)
        #expect(try TestSupport.runConcord(["align", "/nonexistent/a.txt", "/nonexistent/b.txt", "--from", "en", "--to", "zh"]).status == 66)
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (en, empty) = (directory.appendingPathComponent("en.txt"), directory.appendingPathComponent("empty.txt"))
        try Self.english.write(to: en, atomically: true, encoding: .utf8)
        try "".write(to: empty, atomically: true, encoding: .utf8)
        let aligned = try TestSupport.runConcord(["align", en.path, empty.path, "--from", "en", "--to", "zh"])
        #expect(aligned.status == 0)
        #expect(aligned.stderr.contains("empty.txt: warning: is empty: it holds no text to align [document.empty]"))
    }
}

@Suite struct BundledGlossaryTests {
    @Test func theBundledGlossaryIsTheOneInGlossaries() throws {
        let shipped = try Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("Glossaries/sco.tbx"))
        let bundled = try Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("Sources/Concord/Resources/sco.tbx"))
        #expect(shipped == bundled, "copy Glossaries/sco.tbx to Sources/Concord/Resources/sco.tbx after editing it")
    }
}
