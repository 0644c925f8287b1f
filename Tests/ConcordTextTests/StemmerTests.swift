import Testing
@testable import ConcordText

@Suite struct StemmerTests {
    @Test func russianStems() throws {
        let stemmer = try Stemmer(language: "ru-RU")
        #expect(stemmer.stem("прекурсоров") == "прекурсор")
        #expect(stemmer.stem("прекурсоры") == "прекурсор")
        #expect(stemmer.stem("совета") == "совет")
        #expect(stemmer.stem("совет") == "совет")
    }

    @Test func englishStems() throws {
        let stemmer = try Stemmer(language: "en")
        #expect(stemmer.stem("precursors") == stemmer.stem("precursor"))
        #expect(stemmer.algorithm == "english")
    }

    @Test func unknownLanguageIsAnError() {
        #expect(throws: TextError.noStemmer(language: "zh")) { try Stemmer(language: "zh") }
        #expect(!Stemmer.isAvailable(for: "zh-CN"))
        #expect(Stemmer.isAvailable(for: "ru"))
    }
}
