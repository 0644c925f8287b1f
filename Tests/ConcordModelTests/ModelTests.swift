import Testing
@testable import ConcordModel

@Suite struct LanguageTagTests {
    @Test func canonicalCase() {
        #expect(LanguageTag("EN-gb").canonical == "en-GB")
        #expect(LanguageTag("zh-hans-cn").canonical == "zh-Hans-CN")
        #expect(LanguageTag("es-419").canonical == "es-419")
        #expect(LanguageTag("ru_RU").canonical == "ru-RU")
        #expect(LanguageTag("sr-latn").canonical == "sr-Latn")
        #expect(LanguageTag("en-US-x-Twain").canonical == "en-US-x-twain")
    }

    @Test func bareTagsMatchEveryVariant() {
        #expect(LanguageTag("en").matches(LanguageTag("en-US")))
        #expect(LanguageTag("en").matches(LanguageTag("en-GB")))
        #expect(LanguageTag("zh").matches(LanguageTag("zh-Hans")))
        #expect(LanguageTag("zh-CN").matches(LanguageTag("zh-Hans-CN")))
        #expect(!LanguageTag("en-GB").matches(LanguageTag("en-US")))
        #expect(!LanguageTag("en-GB").matches(LanguageTag("en")))
        #expect(!LanguageTag("en").matches(LanguageTag("eu")))
    }
}

@Suite struct TimestampTests {
    @Test func tmxAndISOForms() {
        #expect(Timestamp(iso8601: "20190424T093000Z")?.tmxString == "20190424T093000Z")
        #expect(Timestamp(iso8601: "2019-04-24T09:30:00Z")?.tmxString == "20190424T093000Z")
        #expect(Timestamp(iso8601: "2019-04-24T12:30:00+03:00")?.tmxString == "20190424T093000Z")
        #expect(Timestamp(iso8601: "2019-04-24")?.isoString == "2019-04-24T00:00:00Z")
        #expect(Timestamp(iso8601: "1969-12-31T23:59:59Z")?.secondsSinceEpoch == -1)
        #expect(Timestamp(iso8601: "yesterday") == nil)
        #expect(Timestamp(iso8601: "20191340T000000Z") == nil)
    }
}

@Suite struct DuplicateRuleTests {
    func unit(_ en: String, _ ru: String, date: String, props: [Property] = []) -> TranslationUnit {
        var unit = TranslationUnit(properties: props, variants: [Variant(language: LanguageTag("en"), segment: Segment(en)),
                                                                 Variant(language: LanguageTag("ru"), segment: Segment(ru))])
        unit.info.changeDate = Timestamp(iso8601: date)
        return unit
    }

    @Test func sameComparisonKeysAreDuplicates() {
        let a = unit("SCO summit", "Саммит ШОС", date: "2019-01-01")
        let b = unit("SCO summit", "Саммит ШОС", date: "2020-01-01")
        let c = unit("SCO summit", "Саммит  ШОС", date: "2020-01-01")
        #expect(a.duplicateKey == b.duplicateKey)
        #expect(a.duplicateKey != c.duplicateKey)
    }

    @Test func mergeKeepsNewestDateAndUnionOfProps() {
        var a = unit("x", "y", date: "2019-01-01", props: [Property(type: "client", value: "SCO")])
        let b = unit("x", "y", date: "2020-01-01", props: [Property(type: "domain", value: "security"), Property(type: "client", value: "SCO")])
        a.merge(b)
        #expect(a.info.changeDate == Timestamp(iso8601: "2020-01-01"))
        #expect(a.properties.map(\.type) == ["domain", "client"])
    }

    @Test func codesCountInTheKeyButNotTheirNativeText() {
        let bold = InlineCode(kind: .bpt, attributes: [Attribute("i", "1")], content: [.text("<b>")])
        let rtf = InlineCode(kind: .bpt, attributes: [Attribute("i", "1")], content: [.text("{\\b ")])
        #expect(Segment(parts: [.code(bold), .text("x")]).comparisonKey == Segment(parts: [.code(rtf), .text("x")]).comparisonKey)
        #expect(Segment(parts: [.code(bold), .text("x")]).comparisonKey != Segment("x").comparisonKey)
    }
}

@Suite struct DiagnosticCatalogTests {
    @Test func idsAreUniqueDottedAndSorted() {
        let ids = DiagnosticCatalog.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids == ids.sorted())
        for id in ids { #expect(id.wholeMatch(of: /[a-z]+\.[a-z]+(-[a-z]+)*/) != nil, "\(id)") }
        for kind in DiagnosticCatalog.all { #expect(!kind.summary.isEmpty && !kind.summary.hasSuffix(".")) }
    }

    @Test func aFindingTakesItsKindsSeverityAndStrictJudgementEscalatesByTheCatalog() {
        let finding = Diagnostic(DiagnosticCatalog.tmxUnpairedCode, message: "x", file: "a.tmx", line: 3)
        #expect(finding.severity == .warning)
        #expect(finding.strict.severity == .error)
        let advisory = Diagnostic(DiagnosticCatalog.tmxSingleLanguage, message: "x")
        #expect(advisory.strict.severity == .warning)
        #expect(DiagnosticCatalog.kind("tmx.unpaired-code") == DiagnosticCatalog.tmxUnpairedCode)
        #expect(DiagnosticCatalog.kind("no.such-id") == nil)
    }
}
