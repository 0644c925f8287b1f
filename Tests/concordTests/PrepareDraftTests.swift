import ConcordTestSupport
import Foundation
import Testing

@Suite struct PrepareDraftTests {
    /// Last year's release: the same sentence with other numbers, and the sentence after it word for word.
    static let memory = """
    <?xml version="1.0" encoding="UTF-8"?>
    <tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="tmx" adminlang="en" srclang="en" datatype="plaintext"/><body>
    <tu><tuv xml:lang="en"><seg>The VIII Moscow Conference on International Security is attended by over 900 delegates from 101 countries, 30 defence ministers, 19 chiefs of staff, deputy defence ministers, heads of several international organisations, senior diplomats and experts.</seg></tuv>
    <tuv xml:lang="ru"><seg>В работе VIII Московской конференции по международной безопасности участвуют более 900 делегатов из 101 страны, 30 министров обороны, 19 начальников генеральных штабов, заместители министров обороны, руководители ряда международных организаций, высокопоставленные дипломаты и эксперты.</seg></tuv></tu>
    <tu><tuv xml:lang="en"><seg>The forum aims to strengthen cooperation between countries' military agencies and to search for common ways to counter new challenges and threats.</seg></tuv>
    <tuv xml:lang="ru"><seg>Форум призван укрепить сотрудничество военных ведомств и найти общие пути противодействия новым вызовам и угрозам.</seg></tuv></tu>
    </body></tmx>
    """

    @Test func theDraftTakesHighMatchesWithTheirNumbersAndLeavesTheRest() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.memory.write(to: directory.appendingPathComponent("last-year.tmx"), atomically: true, encoding: .utf8)
        let run = try TestSupport.runConcord(["prepare", PrepareCommandTests.release.path, "--from", "en", "--to", "ru", "--tm", "last-year.tmx",
                                              "-o", "release.ru.xlf", "--draft", "draft.ru.txt"], directory: directory)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = try String(contentsOf: directory.appendingPathComponent("draft.ru.txt"), encoding: .utf8).split(separator: "\n")
        let english = try String(contentsOf: PrepareCommandTests.release, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == english.count)
        #expect(lines.first == english.first)
        #expect(lines.contains { $0.contains("более 1,000 делегатов из 111 страны, 35 министров обороны") }, "\(lines)")
        #expect(lines.last == "Форум призван укрепить сотрудничество военных ведомств и найти общие пути противодействия новым вызовам и угрозам.")
    }
}
