import ConcordFormats
import ConcordModel
import ConcordTestSupport
import Foundation
import Testing
@testable import ConcordSegmentation

/// The phenomena releases contain, one by one.
@Suite struct SegmenterTests {
    static let rules: SegmentationRuleSet = try! SRXReader.read(
        path: TestSupport.packageRoot.appendingPathComponent("Sources/Concord/Resources/default.srx").path)

    func split(_ text: String, _ language: String, quotes: QuotationPolicy = .split) throws -> [String] {
        let segmenter = try Segmenter(ruleSet: Self.rules, language: LanguageTag(language), quotations: quotes)
        let scalars = Array(text.unicodeScalars)
        return try segmenter.sentences(in: text).map { String(String.UnicodeScalarView(scalars[$0])) }
    }

    @Test func englishTitlesInitialsAndAbbreviations() throws {
        #expect(try split("Amb. H.E. Smith met Mr. V. Norov in St. Petersburg. They talked.", "en")
                == ["Amb. H.E. Smith met Mr. V. Norov in St. Petersburg.", "They talked."])
        #expect(try split("See No. 5 and Art. 3, e.g. the Charter, i.e. the U.N. Charter etc. It is clear.", "en")
                == ["See No. 5 and Art. 3, e.g. the Charter, i.e. the U.N. Charter etc.", "It is clear."])
        #expect(try split("The U.S. Army took part. He left the U.S. The talks ended.", "en")
                == ["The U.S. Army took part.", "He left the U.S.", "The talks ended."])
    }

    @Test func russianAbbreviationsInitialsAndYears() throws {
        #expect(try split("Встреча прошла в г. Москве. В.В. Путин и А. И. Семёнов выступили.", "ru")
                == ["Встреча прошла в г. Москве.", "В.В. Путин и А. И. Семёнов выступили."])
        #expect(try split("Конференция прошла в 2019 г. Следующая состоится в 2020 г.", "ru")
                == ["Конференция прошла в 2019 г.", "Следующая состоится в 2020 г."])
        #expect(try split("Обсуждались т.е. угрозы, в т.ч. терроризм, и др. Стороны договорились.", "ru")
                == ["Обсуждались т.е. угрозы, в т.ч. терроризм, и др.", "Стороны договорились."])
        // A sentence ending in "и т.д." or "и т.п." before a capitalised one; "т.д." inside a sentence stays.
        #expect(try split("Обсудили экономику, культуру и т.д. Затем министры подписали документы.", "ru")
                == ["Обсудили экономику, культуру и т.д.", "Затем министры подписали документы."])
        #expect(try split("Речь шла о торговле, энергетике и т. п. Стороны договорились.", "ru")
                == ["Речь шла о торговле, энергетике и т. п.", "Стороны договорились."])
        #expect(try split("Торговля, энергетика и т.д. обсуждались долго.", "ru") == ["Торговля, энергетика и т.д. обсуждались долго."])
        #expect(try split("Встреча прошла в г. Москва у проф. Иванова.", "ru") == ["Встреча прошла в г. Москва у проф. Иванова."])
        #expect(try split("They discussed trade, energy, etc. Then the ministers signed.", "en")
                == ["They discussed trade, energy, etc.", "Then the ministers signed."])
    }

    @Test func chineseTitlesAndClosingMarks() throws {
        #expect(try split("他推荐了《我们为什么要合作？》一书。会议继续。", "zh") == ["他推荐了《我们为什么要合作？》一书。", "会议继续。"])
        #expect(try split("他说：“合作很重要。”会议结束。", "zh") == ["他说：“合作很重要。”", "会议结束。"])
        // A closing mark followed at once by an opening one: the opening mark starts the next sentence.
        #expect(try split("他说：“我们来了。”“好的，”她回答。", "zh") == ["他说：“我们来了。”", "“好的，”她回答。"])
        #expect(try split("「第一句。」「第二句。」『第三句。』", "zh") == ["「第一句。」", "「第二句。」", "『第三句。』"])
        #expect(try split("记者问：“会议何时举行？”‘明天。’", "zh") == ["记者问：“会议何时举行？”", "‘明天。’"])
        // German closes with “: a space after it, and nothing moves.
        #expect(try split("Er sagte: „Wir kommen.“ Dann ging er.", "de") == ["Er sagte: „Wir kommen.“", "Dann ging er."])
    }

    @Test func quotationPolicies() throws {
        let text = "He said: \"We are ready. We will act.\" Then he left."
        #expect(try split(text, "en", quotes: .split) == ["He said: \"We are ready.", "We will act.\"", "Then he left."])
        #expect(try split(text, "en", quotes: .keep) == ["He said: \"We are ready. We will act.\"", "Then he left."])
    }

    @Test func listsNumbersEllipsesAndNoBreakSpaces() throws {
        #expect(try split("1. The first item 2. The second item", "en") == ["1. The first item", "2. The second item"])
        #expect(try split("Growth was 3.5 per cent... and rising. Next.", "en") == ["Growth was 3.5 per cent... and rising.", "Next."])
        #expect(try split("Mr.\u{00A0}Norov spoke. Then\u{00A0}we left.", "en") == ["Mr.\u{00A0}Norov spoke.", "Then\u{00A0}we left."])
    }

    @Test func offsetsAreScalarsIntoTheText() throws {
        let segmenter = try Segmenter(ruleSet: Self.rules, language: LanguageTag("zh"))
        #expect(try segmenter.sentences(in: "  𠀀好。 再见。") == [2..<5, 6..<9])
    }

    @Test func brokenRulesAreReportedWithTheirPlace() throws {
        let broken = SegmentationRuleSet(languageRules: [LanguageRule(name: "X", rules: [SegmentationRule(isBreak: false, before: "(", after: "")])],
                                         languageMaps: [LanguageMap(pattern: ".*", ruleName: "X")])
        #expect(throws: SegmentationError.self) { try Segmenter(ruleSet: broken, language: LanguageTag("en")) }
        let unknown = SegmentationRuleSet(languageMaps: [LanguageMap(pattern: ".*", ruleName: "Nope")])
        #expect(throws: SegmentationError.unknownLanguageRule(name: "Nope")) { try Segmenter(ruleSet: unknown, language: LanguageTag("en")) }
    }

    @Test func exportedRulesLoadBackAndSegmentTheSame() throws {
        var bytes: [UInt8] = []
        try SRXWriter.write(Self.rules) { bytes += $0 }
        let reread = try SRXReader.read(text: String(decoding: bytes, as: UTF8.self), fileName: "exported.srx")
        #expect(reread == Self.rules)
        let release = "Mr. Norov said: \"The SCO is open.\" He left for St. Petersburg. В 2019 г. Москва."
        let original = try Segmenter(ruleSet: Self.rules, language: LanguageTag("en")).sentences(in: release)
        let again = try Segmenter(ruleSet: reread, language: LanguageTag("en")).sentences(in: release)
        #expect(original == again)
    }
}
