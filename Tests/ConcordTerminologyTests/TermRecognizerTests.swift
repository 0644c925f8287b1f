import ConcordFormats
import ConcordModel
import ConcordTestSupport
import Foundation
import Testing
@testable import ConcordTerminology

/// Every recognition rule of the glossary issue, on real release sentences.
@Suite struct TermRecognizerTests {
    static let glossary: Glossary = try! TBXReader.read(path: TestSupport.packageRoot.appendingPathComponent("Glossaries/sco.tbx").path)

    func hits(_ text: String, _ language: String) throws -> [(concept: String, text: String)] {
        let recognizer = try TermRecognizer(glossaries: [Self.glossary], language: LanguageTag(language))
        return try recognizer.hits(in: text).map { ($0.concept.id, $0.text) }
    }

    func concepts(_ text: String, _ language: String) throws -> [String] {
        try hits(text, language).map(\.concept)
    }

    @Test func russianInflectionIsFound() throws {
        #expect(try concepts("Стороны обсудили незаконный оборот наркотиков и их прекурсоров.", "ru") == ["illicit_drug_trafficking", "precursors"])
        #expect(try hits("Он подчеркнул роль Совета Безопасности ООН.", "ru").map(\.text) == ["Совета Безопасности ООН"])
        #expect(try concepts("Заседание государств-членов ШОС", "ru") == ["member_states", "sco"])
        #expect(try concepts("партнеров по диалогу", "ru") == ["dialogue_partners"]) // ё/е folded
    }

    @Test func englishLightInflectionKeepsStatesAndStatedApart() throws {
        #expect(try concepts("The SCO member states met.", "en") == ["sco", "member_states"])
        #expect(try concepts("The member stated its position.", "en") == [])
        #expect(try concepts("The Security Council's decision on precursors", "en") == ["un_security_council", "precursors"])
    }

    @Test func longestMatchWins() throws {
        #expect(try concepts("The UN Security Council met.", "en") == ["un_security_council"])
        #expect(try concepts("会议在白俄罗斯举行。", "zh") == ["belarus"])
        #expect(try concepts("印度尼西亚和印度", "zh") == ["indonesia", "india"])
        #expect(try concepts("联合国安理会通过决议", "zh") == ["un_security_council"])
    }

    @Test func acronymsAreCaseSensitiveWholeTokens() throws {
        #expect(try concepts("The SCO summit in Moscow.", "en") == ["sco_summit"])
        #expect(try concepts("the sco of things; Moscow; SCOPE", "en") == [])
        #expect(try concepts("UN and un-related matters", "en") == ["united_nations"])
    }

    @Test func properNamesNeedTheirCapitals() throws {
        // A national security council is not the UN body; a lower-case glossary word takes any case.
        #expect(try concepts("Совет безопасности Казахстана обсудил вопрос.", "ru") == ["kazakhstan"])
        #expect(try concepts("the national security council met", "en") == [])
        #expect(try concepts("Member states agreed.", "en") == ["member_states"])
    }

    @Test func chineseByCharactersNotICUWords() throws {
        // ICU splits 成员国外长 as 成员|国外|长; characters still find 成员国.
        #expect(try concepts("上合组织成员国外长理事会会议", "zh").contains("member_states"))
        #expect(try concepts("上合组织成员国外长理事会会议", "zh").first == "sco")
        #expect(try concepts("聯合國安理會", "zh") == ["un_security_council"]) // traditional characters
    }

    @Test func lineBreaksAndNoBreakSpacesDoNotSplitTerms() throws {
        #expect(try concepts("the UN Security\nCouncil and the Shanghai\u{00A0}Cooperation Organisation", "en") == ["un_security_council", "sco"])
    }

    @Test func aTermNeverSpansASentenceEnd() throws {
        #expect(try concepts("It was a matter for the Security. Council members agreed.", "en") == [])
    }

    @Test func offsetsPointIntoTheOriginalText() throws {
        let text = "Ｔｈｅ ＳＣＯ and Совет\u{00A0}Безопасности ООН"
        let recognizer = try TermRecognizer(glossaries: [Self.glossary], language: LanguageTag("ru"))
        let found = try recognizer.hits(in: text)
        #expect(found.map(\.text) == ["Совет\u{00A0}Безопасности ООН"])
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[found[0].range])) == "Совет\u{00A0}Безопасности ООН")
    }

    @Test func suggestionsPreferTheSameKindOfTerm() throws {
        let recognizer = try TermRecognizer(glossaries: [Self.glossary], language: LanguageTag("en"))
        let sco = try #require(try recognizer.hits(in: "The SCO met.").first)
        #expect(sco.suggestions(in: LanguageTag("ru")).first?.text == "ШОС")
        let full = try #require(try recognizer.hits(in: "The Shanghai Cooperation Organisation met.").first)
        #expect(full.suggestions(in: LanguageTag("ru")).first?.text == "Шанхайская организация сотрудничества")
        #expect(full.suggestions(in: LanguageTag("zh")).first?.text == "上海合作组织")
    }

    @Test func deprecatedTermsAreFoundAndMarked() throws {
        let recognizer = try TermRecognizer(glossaries: [Self.glossary], language: LanguageTag("ru"))
        let hit = try #require(try recognizer.hits(in: "Вопрос обсуждался в Совбезе ООН.").first)
        #expect(hit.concept.id == "un_security_council")
        #expect(hit.term.status == .deprecated)
        #expect(hit.suggestions(in: LanguageTag("ru")).first?.text == "Совет Безопасности ООН")
    }
}
