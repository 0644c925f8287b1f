import ConcordModel
import ConcordTestSupport
import Foundation
import Testing
@testable import ConcordTerminology

/// The byte-level path for ASCII and Russian text gives exactly the tokens of the ICU path.
@Suite struct TermNormalizerPathTests {
    static let samples = [
        "The SCO Secretary-General's report (2019) on UN Security Council resolutions.",
        "Совет Безопасности ООН принял резолюцию 2178 (2014) о ШОС и ЁЛКАХ, ёлках; Council's d'Ivoire",
        "Генсек ШОС Владимир Норов выступил 24 апреля 2019 г. в Ташкенте/Астане.",
        "ООН-Хабитат ВИЧ/СПИД G20 Ёж ёж А Я а я",
    ]

    @Test func simpleTokensAreTheGeneralOnes() throws {
        for language in ["en", "ru"] {
            let normalizer = try TermNormalizer(language: LanguageTag(language))
            for text in Self.samples {
                let simple = try #require(normalizer.simpleTokens(text))
                #expect(simple == (try normalizer.generalTokens(of: text)), "\(text)")
            }
        }
    }

    /// Over the UN test set's English and Russian lines: every line the byte path takes.
    @Test(.enabled(if: TestSupport.sharedDataAvailable, "\(TestSupport.sharedDataSkipMessage)"))
    func simpleTokensAgreeOverTheUNTestSet() throws {
        for language in ["en", "ru"] {
            let normalizer = try TermNormalizer(language: LanguageTag(language))
            let file = TestSupport.sharedData.appendingPathComponent("parallel/un_v1.0_testsets/testset/UNv1.0.testset.\(language)")
            var taken = 0
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n").prefix(2000) {
                guard let simple = normalizer.simpleTokens(String(line)) else { continue }
                taken += 1
                #expect(simple == (try normalizer.generalTokens(of: String(line))), "\(line)")
            }
            #expect(taken > 500)
        }
    }

    @Test func otherCharactersTakeTheGeneralPath() throws {
        let normalizer = try TermNormalizer(language: LanguageTag("ru"))
        #expect(normalizer.simpleTokens("«Совет» — орган") == nil)
        #expect(normalizer.simpleTokens("上合组织") == nil)
    }
}
