import Testing
@testable import ConcordText

@Suite struct TransliterationAndScriptTests {
    @Test func russianNamesToLatin() throws {
        let bgn = try Transliterator(id: "Russian-Latin/BGN")
        #expect(try bgn.transliterate("Норов") == "Norov")
    }

    @Test func traditionalToSimplified() throws {
        let converter = try Transliterator(id: "Traditional-Simplified")
        #expect(try converter.transliterate("聯合國") == "联合国")
    }

    @Test func unknownTransform() {
        #expect(throws: TextError.unknownTransform(id: "Klingon-Latin")) { try Transliterator(id: "Klingon-Latin") }
    }

    @Test func scripts() {
        #expect(Script.dominant(in: "SCO summit 2019") == .latin)
        #expect(Script.dominant(in: "Саммит ШОС 2019") == .cyrillic)
        #expect(Script.dominant(in: "上合组织峰会") == .han)
        #expect(Script.dominant(in: "2019, 12.") == .common)
        #expect(Script(of: "カ") == .kana)
    }

    @Test func normalizationForms() throws {
        #expect(try Normalizer.normalize("ﬁ", form: .nfkc) == "fi")
        #expect(try Normalizer.normalize("e\u{0301}", form: .nfc) == "\u{00E9}")
        #expect(try Normalizer.normalize("ÅB", form: .nfkcCasefold) == "åb")
    }
}
