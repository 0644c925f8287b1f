import ConcordTestSupport
import Foundation
import Testing

@Suite struct TMStoreCommandTests {
    static let memory = """
    <?xml version="1.0" encoding="UTF-8"?>
    <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>
    <body>
    <tu tuid="a" changedate="20190101T000000Z"><prop type="client">SCO</prop><note>first</note><tuv xml:lang="en"><seg>The <bpt i="1">&lt;b&gt;</bpt>summit<ept i="1">&lt;/b&gt;</ept> opened.</seg></tuv><tuv xml:lang="ru"><seg>Саммит открылся.</seg></tuv></tu>
    <tu tuid="b"><tuv xml:lang="en"><seg>Talks ended.</seg></tuv><tuv xml:lang="ru"><seg>Переговоры завершились.</seg></tuv><tuv xml:lang="zh"><seg>会谈结束。</seg></tuv></tu>
    </body></tmx>
    """

    @Test func importMergeExportDeleteAndLookup() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pair = try MemoryPair(Self.memory, in: directory)
        let (tmx, newer) = (pair.older, pair.newer)
        let db = directory.appendingPathComponent("m.tmdb").path
        #expect(try TestSupport.runConcord(["tm", "import", tmx.path, newer.path, "--db", db]).status == 0)
        #expect(try TestSupport.runConcord(["tm", "stats", "--db", db, "--json"]).stdout.contains("\"units\":2"))

        let exported = directory.appendingPathComponent("out.tmx").path
        #expect(try TestSupport.runConcord(["tm", "export", "--db", db, "-o", exported]).status == 0)
        let text = try String(contentsOfFile: exported, encoding: .utf8)
        #expect(text.contains("changedate=\"20200101T000000Z\""))       // the newest date wins
        #expect(text.contains("<note>first</note>") && text.contains("<note>second</note>"))  // notes united
        #expect(text.contains(#"<bpt i="1">&lt;b&gt;</bpt>"#))            // codes kept
        #expect(text.contains(#"<prop type="client">SCO</prop>"#))

        let lookup = try TestSupport.runConcord(["tm", "lookup", "Talks ended.", "--db", db, "--from", "en", "--to", "zh", "--json"])
        #expect(lookup.stdout.contains("\"score\":100") && lookup.stdout.contains("会谈结束。"))

        let concordance = try TestSupport.runConcord(["tm", "concordance", "переговоров", "--db", db, "--lang", "ru"])
        #expect(concordance.stdout.contains("[Переговоры]") && concordance.stdout.contains("en: Talks ended."))
        #expect(try TestSupport.runConcord(["tm", "edit", "--db", db, "--tuid", "b", "--lang", "ru", "--text", "Переговоры закончились."]).status == 0)
        #expect(try TestSupport.runConcord(["tm", "concordance", "закончились", "--db", db, "--lang", "ru"]).stdout.contains("[закончились]"))
        #expect(try TestSupport.runConcord(["tm", "delete", "--db", db, "--tuid", "b"]).status == 0)
        #expect(try TestSupport.runConcord(["tm", "stats", "--db", db, "--json"]).stdout.contains("\"units\":1"))
        let nothing = try TestSupport.runConcord(["tm", "delete", "--db", db, "--tuid", "nope"])
        #expect(nothing.status == 0)
        #expect(nothing.stderr.contains("no unit matched"))
        #expect(try TestSupport.runConcord(["tm", "stats", "--db", db, "--json", "--format", "text"]).status == 64)
    }

    @Test func duplicatesInsideOneFileMergeAndIdsAreNeverReused() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // 600 units (more than one batch of the import), every 100th repeating the unit before it.
        func unit(_ number: Int, tuid: String) -> String {
            "<tu tuid=\"\(tuid)\"><tuv xml:lang=\"en\"><seg>Item \(number) was adopted.</seg></tuv><tuv xml:lang=\"ru\"><seg>Пункт \(number) принят.</seg></tuv></tu>"
        }
        var body = ""
        for number in 0..<600 {
            body += unit(number % 100 == 99 ? number - 1 : number, tuid: "t\(number)") + "\n"
        }
        let header = #"<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/><body>"#
        let file = directory.appendingPathComponent("many.tmx")
        try (header + body + "</body></tmx>").write(to: file, atomically: true, encoding: .utf8)
        let db = directory.appendingPathComponent("m.tmdb").path
        let imported = try TestSupport.runConcord(["tm", "import", file.path, "--db", db])
        #expect(imported.status == 0)
        #expect((imported.stdout + imported.stderr).contains("600 units read, 594 added, 6 merged"))
        // Delete the newest unit (t599 merged into t598), then import more: new units get fresh ids, nothing collides.
        #expect(try TestSupport.runConcord(["tm", "delete", "--db", db, "--tuid", "t598"]).status == 0)
        let more = directory.appendingPathComponent("more.tmx")
        try (header + (600..<700).map { unit($0, tuid: "t\($0)") }.joined(separator: "\n") + "</body></tmx>")
            .write(to: more, atomically: true, encoding: .utf8)
        #expect(try TestSupport.runConcord(["tm", "import", more.path, "--db", db]).status == 0)
        #expect(try TestSupport.runConcord(["tm", "stats", "--db", db, "--json"]).stdout.contains("\"units\":693"))
        let lookup = try TestSupport.runConcord(["tm", "lookup", "Item 650 was adopted.", "--db", db, "--from", "en", "--to", "ru", "--json"])
        #expect(lookup.stdout.contains("\"score\":100") && lookup.stdout.contains("Пункт 650 принят."))
    }

    @Test func aFileThatFailsPartWayAddsNothing() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("good.tmx")
        try Self.memory.write(to: good, atomically: true, encoding: .utf8)
        let broken = directory.appendingPathComponent("broken.tmx")
        let filler = (0..<50).map { "<tu><tuv xml:lang=\"en\"><seg>Sentence number \($0) of many.</seg></tuv><tuv xml:lang=\"ru\"><seg>Предложение \($0).</seg></tuv></tu>" }.joined(separator: "\n")
        try Self.memory.replacingOccurrences(of: "</body></tmx>", with: filler + "\n<tu><tuv xml:lang=\"en\"><seg>cut")
            .write(to: broken, atomically: true, encoding: .utf8)
        let db = directory.appendingPathComponent("m.tmdb").path
        let result = try TestSupport.runConcord(["tm", "import", good.path, broken.path, "--db", db])
        #expect(result.status == 65)
        #expect(result.stderr.contains("broken.tmx:"))
        // The good file's two units are there; none of the broken file's are.
        #expect(try TestSupport.runConcord(["tm", "stats", "--db", db, "--json"]).stdout.contains("\"units\":2"))
    }

    @Test func anImportKilledMidFileLeavesExactlyTheFilesCommittedBefore() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("good.tmx")
        try Self.memory.write(to: good, atomically: true, encoding: .utf8)
        let big = directory.appendingPathComponent("big.tmx")
        var text = #"<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/><body>"#
        for number in 0..<80_000 {
            text += "<tu><tuv xml:lang=\"en\"><seg>Delegation \(number) took the floor on item \(number % 97).</seg></tuv>"
                + "<tuv xml:lang=\"ru\"><seg>Слово взяла делегация \(number) по пункту \(number % 97).</seg></tuv></tu>\n"
        }
        try (text + "</body></tmx>").write(to: big, atomically: true, encoding: .utf8)
        let db = directory.appendingPathComponent("m.tmdb").path
        #expect(try TestSupport.runConcord(["tm", "import", good.path, "--db", db]).status == 0)

        let process = Process()
        process.executableURL = TestSupport.concordExecutable
        process.arguments = ["tm", "import", big.path, "--db", db, "--progress"]
        process.standardOutput = FileHandle.nullDevice
        let progress = Pipe()
        process.standardError = progress
        try process.run()
        // Killed as soon as it says it is part-way through the big file (10,000 of 80,000 units read).
        var said = ""
        while !said.contains("units read") {
            let chunk = progress.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            said += String(decoding: chunk, as: UTF8.self)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        // Killed before it could finish 80,000 units: the store opens and holds the first file only.
        #expect(said.contains("big.tmx: 10000 units read"))
        #expect(process.terminationReason == .uncaughtSignal)
        let stats = try TestSupport.runConcord(["tm", "stats", "--db", db, "--json"])
        #expect(stats.status == 0)
        #expect(stats.stdout.contains("\"units\":2"))
        #expect(try TestSupport.runConcord(["tm", "lookup", "Talks ended.", "--db", db, "--from", "en", "--to", "ru", "--json"])
            .stdout.contains("Переговоры завершились."))
    }

    @Test func aStoreAnswersLikeTheFileItWasImportedFrom() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tmx = directory.appendingPathComponent("m.tmx")
        var text = #"<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/><body>"#
        let subjects = ["The Council", "The SCO summit", "The delegation", "The Secretary-General", "Председатель"]
        let verbs = ["welcomed", "adopted", "noted", "discussed", "postponed"]
        let objects = ["the report", "the draft resolution", "the agenda of the meeting", "the proposal on precursors", "the budget for 2025"]
        var queries: [String] = []
        for (first, subject) in subjects.enumerated() {
            for (second, verb) in verbs.enumerated() {
                for (third, object) in objects.enumerated() {
                    let sentence = "\(subject) \(verb) \(object)."
                    text += "<tu tuid=\"\(first)-\(second)-\(third)\"><tuv xml:lang=\"en-GB\"><seg>\(sentence)</seg></tuv>"
                        + "<tuv xml:lang=\"ru\"><seg>Перевод \(first) \(second) \(third).</seg></tuv>"
                        + (third == 2 ? "<tuv xml:lang=\"ru\"><seg>Второй перевод \(first).</seg></tuv>" : "") + "</tu>"
                    if (first + second + third) % 7 == 0 { queries.append(sentence.replacingOccurrences(of: "the", with: "a")) }
                }
            }
        }
        try (text + "</body></tmx>").write(to: tmx, atomically: true, encoding: .utf8)
        let queryFile = directory.appendingPathComponent("q.txt")
        try (queries + ["Nothing like it at all here.", "The Council welcomed the report."]).joined(separator: "\n")
            .write(to: queryFile, atomically: true, encoding: .utf8)
        let db = directory.appendingPathComponent("m.tmdb").path
        #expect(try TestSupport.runConcord(["tm", "import", tmx.path, "--db", db]).status == 0)
        func answers(_ memory: [String]) throws -> [String] {
            let result = try TestSupport.runConcord(["tm", "lookup", "--queries", queryFile.path, "--presegmented", "--from", "en", "--to", "ru", "--min", "40", "--json"] + memory)
            // Everything but the timing and the memory's name.
            return result.stdout.split(separator: "\n").map {
                $0.replacingOccurrences(of: #""micros":[0-9]+"#, with: "", options: .regularExpression)
                    .replacingOccurrences(of: #""origin":"[^"]*""#, with: "", options: .regularExpression)
            }
        }
        let fromStore = try answers(["--db", db])
        #expect(fromStore.count == queries.count + 2)
        #expect(fromStore == (try answers(["--tm", tmx.path])))
        #expect(fromStore.last?.contains("\"score\":100") == true)
    }
}
