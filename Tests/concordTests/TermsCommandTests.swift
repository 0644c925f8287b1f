import ConcordTestSupport
import Foundation
import Testing

@Suite struct TermsCommandTests {
    static let glossary = TestSupport.packageRoot.appendingPathComponent("Glossaries/sco.tbx").path

    @Test func jsonFollowsTheContract() throws {
        let text = "The SCO supports the UN Security Council. Precursors are controlled."
        let result = try TestSupport.runConcord(["terms", "-", "--glossary", Self.glossary, "--from", "en", "--to", "ru", "--json"], input: Data(text.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        let segments = try #require(object["segments"] as? [[String: Any]])
        #expect(segments.count == 2)
        let hits = try #require(segments[0]["hits"] as? [[String: Any]])
        #expect(hits.map { $0["concept"] as? String } == ["sco", "un_security_council"])
        #expect(hits[0]["start"] as? Int == 4 && hits[0]["end"] as? Int == 7)
        #expect(hits[0]["type"] as? String == "acronym")
        let targets = try #require(hits[0]["targets"] as? [[String: Any]])
        #expect(targets.first?["term"] as? String == "ШОС")
        #expect(targets.allSatisfy { $0["language"] as? String == "ru" })
        let precursors = try #require((segments[1]["hits"] as? [[String: Any]])?.first)
        #expect((precursors["targets"] as? [[String: Any]])?.first?["term"] as? String == "прекурсоры")
    }

    @Test func withoutToEveryOtherLanguageIsSuggested() throws {
        let result = try TestSupport.runConcord(["terms", "-", "--glossary", Self.glossary, "--from", "ru", "--presegmented", "--json"],
                                                input: Data("Совет Безопасности ООН\n".utf8))
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        let hit = try #require(((object["segments"] as? [[String: Any]])?.first?["hits"] as? [[String: Any]])?.first)
        let languages = Set(((hit["targets"] as? [[String: Any]]) ?? []).compactMap { $0["language"] as? String })
        #expect(languages == ["en", "zh"])
    }

    @Test func textHighlightsHitsWithSuggestions() throws {
        let result = try TestSupport.runConcord(["terms", "-", "--glossary", Self.glossary, "--from", "en", "--to", "zh", "--presegmented"],
                                                input: Data("Belarus joined the SCO.\n".utf8))
        #expect(result.stdout == "[Belarus → 白俄罗斯 | 白俄罗斯共和国] joined the [SCO → 上合组织 | 上海合作组织].\n")
    }

    @Test(.enabled(if: TestSupport.sharedDataAvailable, "\(TestSupport.sharedDataSkipMessage)"))
    func theReleaseGetsTheStandardTerms() throws {
        let release = TestSupport.sharedData.appendingPathComponent("releases/2019-04-24-moscow-conference.en.txt").path
        let result = try TestSupport.runConcord(["terms", release, "--glossary", Self.glossary, "--from", "en", "--to", "ru"])
        #expect(result.status == 0)
        for expected in ["ШОС", "Устав ООН", "Совет Безопасности ООН", "прекурсоры"] {
            #expect(result.stdout.contains(expected), "\(expected)")
        }
    }

    @Test func glossaryCommands() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("sco.csv").path
        #expect(try TestSupport.runConcord(["glossary", "convert", Self.glossary, "-o", csv]).status == 0)
        let martif = directory.appendingPathComponent("sco2008.tbx").path
        #expect(try TestSupport.runConcord(["glossary", "convert", csv, "-o", martif, "--tbx2008"]).status == 0)
        let stats = try TestSupport.runConcord(["glossary", "stats", martif, "--json"])
        #expect(stats.stdout.contains("\"concepts\":71"))
        let lookup = try TestSupport.runConcord(["glossary", "lookup", "Совета Безопасности ООН", "--glossary", Self.glossary, "--from", "ru"])
        #expect(lookup.stdout.hasPrefix("un_security_council"))
        #expect(lookup.stdout.contains("联合国安全理事会"))
        #expect(try TestSupport.runConcord(["glossary", "validate", Self.glossary]).status == 0)
        let duplicated = directory.appendingPathComponent("dup.csv")
        try "en,ru\nSCO,ШОС\nSCO,ШОС\n".write(to: duplicated, atomically: true, encoding: .utf8)
        let invalid = try TestSupport.runConcord(["glossary", "validate", duplicated.path, "--json"])
        #expect(invalid.status == 1)
        #expect(invalid.stdout.contains("glossary.term-in-two-concepts"))
        #expect(try TestSupport.runConcord(["terms", "-", "--from", "en"], input: Data()).status == 64)
        #expect(try TestSupport.runConcord(["terms", "-", "--glossary", "/nonexistent.tbx", "--from", "en"], input: Data()).status == 66)
    }
}
