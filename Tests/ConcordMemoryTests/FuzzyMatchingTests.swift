import ConcordTestSupport
import ConcordModel
import Foundation
import Testing
@testable import ConcordMemory

@Suite struct ScorerTests {
    func memory(_ pairs: [(String, String)], from: String = "en", to: String = "ru", properties: [[Property]] = []) throws -> TranslationMemoryIndex {
        let index = try TranslationMemoryIndex()
        var units: [TranslationUnit] = []
        for (position, pair) in pairs.enumerated() {
            units.append(TranslationUnit(tuid: String(position), properties: position < properties.count ? properties[position] : [],
                                         variants: [Variant(language: LanguageTag(from), segment: Segment(pair.0)),
                                                    Variant(language: LanguageTag(to), segment: Segment(pair.1))]))
        }
        try index.add(units, from: LanguageTag(from), to: LanguageTag(to), origin: "test")
        return index
    }

    @Test func fuzzyFormulaOverTokens() throws {
        let index = try memory([("The SCO summit opened in Astana today", "Саммит ШОС открылся сегодня в Астане")])
        // 7 tokens against 7, one substitution: floor(100 × 6 / 7) = 85.
        let match = try #require(try index.lookup(Segment("The SCO summit opened in Bishkek today")).first)
        #expect(match.score == 85)
        #expect(match.diff.contains("-Astana") && match.diff.contains("+Bishkek"))
    }

    @Test func exactMatchesAndOnlyIdenticalKeysScore100() throws {
        let index = try memory([("The meeting ended.", "Заседание завершилось.")])
        #expect(try index.lookup(Segment("The meeting ended.")).first?.score == 100)
        #expect(try index.lookup(Segment("the meeting ended.")).first?.score == 99)   // case only
        #expect(try index.lookup(Segment("The meeting ended !")).first?.score ?? 0 < 100)
        #expect(try index.lookup(Segment("The  meeting ended.")).first?.score == 99)  // spacing only
    }

    @Test func punctuationAndSpacingAloneCostOnePoint() throws {
        let index = try memory([("The ministers adopted the plan; the summit opened.", "Министры приняли план; саммит открылся.")])
        func best(_ query: String) throws -> MemoryMatch { try #require(try index.lookup(Segment(query)).first) }
        // A comma for a semicolon, a missing final full stop, a no-break space: 99, as memoQ and Trados score them.
        let comma = try best("The ministers adopted the plan, the summit opened.")
        #expect(comma.score == 99)
        #expect(comma.deductions == [#"punctuation differs: "," for ";""#])
        #expect(comma.diff.contains("-;") && comma.diff.contains("+,"))
        let noStop = try best("The ministers adopted the plan; the summit opened")
        #expect(noStop.score == 99)
        #expect(noStop.deductions == [#"punctuation differs: "." left out"#])
        let noBreak = try best("The ministers adopted the plan; the\u{A0}summit opened.")
        #expect(noBreak.score == 99)
        #expect(noBreak.deductions == ["spaces differ: no-break space for space"])
        #expect(noBreak.diff.contains("-⟨space⟩") && noBreak.diff.contains("+⟨no-break space⟩"))
        #expect(noBreak.diff.first == "=The" && noBreak.diff.contains("=summit"))
        // Case and punctuation together: one point each.
        #expect(try best("the ministers adopted the plan, the summit opened.").score == 98)
        // Where words differ too, punctuation does not count in the fuzzy score: 7 of 8 words, floor(100 × 7 / 8).
        #expect(try best("The ministers approved the plan, the summit opened").score == 87)
        // Symbols are not punctuation: they change what a sentence says.
        let symbols = try memory([("Growth was 5 % this year", "Рост составил 5 % в этом году")])
        #expect(try symbols.lookup(Segment("Growth was 5 $ this year")).first?.score ?? 100 < 95)
    }

    @Test func wholeNumbersAreSubstitutedByValueAndPosition() throws {
        // The old number inside another number is not touched (12 in 12 delegations, 2 in 12).
        let index = try memory([("12 delegations attended meeting 2.", "12 делегаций присутствовали на заседании 2."),
                                ("Item 5 and item 5 bis cost 1,000 dollars.", "Пункт 5 и пункт 5 бис стоят 1 000 долларов."),
                                ("The meeting opened at 10.15 on 24 April.", "Заседание открылось в 10 ч. 15 м. 24 апреля.")])
        let meeting = try #require(try index.lookup(Segment("12 delegations attended meeting 3.")).first)
        #expect(meeting.adaptedTarget == "12 делегаций присутствовали на заседании 3.")
        #expect(meeting.substitutions == [Substitution(from: "2", to: "3", placed: true, inFuzzyMatch: false)])
        // The same number twice: the second occurrence of the source is the second of the target.
        let items = try #require(try index.lookup(Segment("Item 5 and item 6 bis cost 2,500 dollars.")).first)
        #expect(items.adaptedTarget == "Пункт 5 и пункт 6 бис стоят 2 500 долларов.")
        // Written differently in the target: said, not pretended.
        let time = try #require(try index.lookup(Segment("The meeting opened at 11.30 on 24 April.")).first)
        #expect(time.substitutions.map(\.placed) == [false])
        #expect(time.adaptedTarget == nil)
        #expect(time.deductions.contains { $0.contains("10.15") && $0.contains("by hand") })
        let zh = try memory([("会议于4月24日开幕。", "The meeting opened on 24 April.")], from: "zh", to: "en")
        let chinese = try #require(try zh.lookup(Segment("会议于4月25日开幕。")).first)
        #expect(chinese.adaptedTarget == "The meeting opened on 25 April.")
    }

    @Test func amongEqualScoresTheQuerysNumbersComeFirst() throws {
        // Item 12 is newer, but the query is about item 148.
        let index = try TranslationMemoryIndex()
        func dated(_ seconds: Int64) -> ChangeInfo {
            var info = ChangeInfo()
            info.changeDate = Timestamp(secondsSinceEpoch: seconds)
            return info
        }
        let older = TranslationUnit(tuid: "148", info: dated(1_500_000_000),
                                    variants: [Variant(language: LanguageTag("en"), segment: Segment("Agenda item 148 was adopted without a vote.")),
                                               Variant(language: LanguageTag("ru"), segment: Segment("Пункт 148 повестки дня принят без голосования."))])
        let newer = TranslationUnit(tuid: "12", info: dated(1_600_000_000),
                                    variants: [Variant(language: LanguageTag("en"), segment: Segment("Agenda item 12 was adopted without a vote.")),
                                               Variant(language: LanguageTag("ru"), segment: Segment("Пункт 12 повестки дня принят без голосования."))])
        try index.add([newer, older], from: LanguageTag("en"), to: LanguageTag("ru"), origin: "test")
        let matches = try index.lookup(Segment("Agenda item 148 was adopted by consensus without a vote."), limit: 2)
        #expect(matches.count == 2 && matches[0].score == matches[1].score)
        #expect(matches.first?.entry.unit.tuid == "148")
    }

    @Test func numbersAreAdaptedInFuzzyMatchesToo() throws {
        let index = try memory([("The Council adopted resolution 1519 (2003) on the situation in Somalia.",
                                 "Совет принял резолюцию 1519 (2003) о положении в Сомали.")])
        let match = try #require(try index.lookup(Segment("The Council unanimously adopted resolution 1540 (2004) on the situation in Somalia.")).first)
        #expect(match.score < 95)
        #expect(match.adaptedTarget == "Совет принял резолюцию 1540 (2004) о положении в Сомали.")
        #expect(match.substitutions.allSatisfy { $0.inFuzzyMatch && $0.placed })
    }

    @Test func numbersAreSubstitutedAndCostOnePointEach() throws {
        let index = try memory([("On 24 April 2019 the conference opened.", "24 апреля 2019 года открылась конференция.")])
        let match = try #require(try index.lookup(Segment("On 25 April 2020 the conference opened.")).first)
        #expect(match.score == 98)
        #expect(match.substitutions.map(\.to) == ["25", "2020"])
        #expect(match.adaptedTarget == "25 апреля 2020 года открылась конференция.")
    }

    @Test func chineseIsOneTokenPerCharacter() throws {
        let index = try memory([("上合组织峰会在阿斯塔纳举行。", "Саммит ШОС прошёл в Астане.")], from: "zh")
        // 13 tokens each (13 characters; 。 is punctuation, not compared); the four characters of the city differ.
        let match = try #require(try index.lookup(Segment("上合组织峰会在比什凯克举行。"), minimum: 10).first)
        #expect(match.fuzzy == FuzzyScore.score(distance: 4, longer: 13))
        #expect(match.fuzzy == 69)
    }

    @Test func contextMatches() throws {
        let index = try memory([("The talks continued.", "Переговоры продолжились.")],
                               properties: [[Property(type: "x-context-pre", value: "The delegates arrived."),
                                             Property(type: "x-context-post", value: "They ended at noon.")]])
        #expect(try index.lookup(Segment("The talks continued."), previous: "The delegates arrived.").first?.score == 101)
        #expect(try index.lookup(Segment("The talks continued."), previous: "The delegates arrived.", next: "They ended at noon.").first?.score == 102)
        #expect(try index.lookup(Segment("The talks continued."), previous: "Something else.").first?.score == 100)
    }

    @Test func severalTranslationsAreAllReturnedAndTiesAreOrdered() throws {
        let index = try memory([("Press release", "Пресс-релиз"), ("Press release", "Сообщение для прессы")])
        let matches = try index.lookup(Segment("Press release"))
        #expect(matches.map(\.entry.target.segment.plainText) == ["Пресс-релиз", "Сообщение для прессы"])
    }
}

@Suite struct EditDistanceTests {
    @Test func bitParallelEqualsTheTextbook() {
        var generator = SeededGenerator.fromEnvironment()
        let seed = generator.description
        // Patterns of one to four 64-token blocks; small and large alphabets.
        for _ in 0..<3000 {
            let alphabet = Int32([6, 40, 400].randomElement(using: &generator)!)
            let a = (0..<Int.random(in: 0...200, using: &generator)).map { _ in Int32.random(in: 0..<alphabet, using: &generator) }
            let b = (0..<Int.random(in: 0...200, using: &generator)).map { _ in Int32.random(in: 0..<alphabet, using: &generator) }
            #expect(EditDistance.distance(EditDistance.Pattern(a), b) == EditDistance.classic(a, b), "\(seed)")
        }
    }
}

/// The index must return exactly what scoring every entry returns.
@Suite struct IndexEqualsScanTests {
    @Test func randomisedEquality() throws {
        var generator = SeededGenerator.fromEnvironment()
        let seed = generator.description
        let words = (0..<400).map { "w\($0)" }
        func sentence(_ length: Int) -> [String] {
            // Zipf-like: low word numbers are frequent.
            (0..<length).map { _ in words[min(words.count - 1, Int(Double(words.count) * pow(Double.random(in: 0..<1, using: &generator), 2.5)))] }
        }
        var sources: [[String]] = []
        var units: [TranslationUnit] = []
        for number in 0..<20_000 {
            let tokens = sentence(Int.random(in: 3...25, using: &generator))
            sources.append(tokens)
            var unit = TranslationUnit(tuid: String(number), variants: [Variant(language: LanguageTag("en"), segment: Segment(tokens.joined(separator: " "))),
                                                                        Variant(language: LanguageTag("ru"), segment: Segment("t\(number)"))])
            unit.info.changeDate = Timestamp(secondsSinceEpoch: Int64(Int.random(in: 0...3, using: &generator)))
            units.append(unit)
        }
        let index = try TranslationMemoryIndex()
        try index.add(units, from: LanguageTag("en"), to: LanguageTag("ru"), origin: "random")
        #expect(index.checkInvariants().isEmpty, "\(index.checkInvariants()), \(seed)")
        var compared = 0
        for query in 0..<2000 {
            var tokens = sources[Int.random(in: 0..<sources.count, using: &generator)]
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                switch Int.random(in: 0..<3, using: &generator) {
                case 0 where !tokens.isEmpty: tokens.remove(at: Int.random(in: 0..<tokens.count, using: &generator))
                case 1: tokens.insert(sentence(1)[0], at: Int.random(in: 0...tokens.count, using: &generator))
                default: if !tokens.isEmpty { tokens[Int.random(in: 0..<tokens.count, using: &generator)] = sentence(1)[0] }
                }
            }
            if query % 10 == 0 { tokens = sentence(Int.random(in: 3...25, using: &generator)) } // unseen
            let segment = Segment(tokens.joined(separator: " "))
            let minimum = [50, 60, 70, 90][query % 4]
            // As tuned; every third query counting alone (no verify-first phase); every third
            // verifying every prefix candidate at once.
            switch query % 3 {
            case 0: index.tuneSearch(firstPhaseBudget: 512, verificationCost: 30)
            case 1: index.tuneSearch(firstPhaseBudget: 0, verificationCost: Int.max)
            default: index.tuneSearch(firstPhaseBudget: 0, verificationCost: 0)
            }
            let fromIndex = try index.lookup(segment, minimum: minimum, limit: 5).map { [$0.score, $0.entry.id] }
            let fromScan = try index.lookupByScanning(segment, minimum: minimum, limit: 5).map { [$0.score, $0.entry.id] }
            #expect(fromIndex == fromScan, "query \(query): \(segment.plainText), \(seed)")
            compared += fromScan.count
        }
        #expect(compared > 1000)
        // Searching leaves the arrays as they were and the scratch counts clear.
        #expect(index.checkInvariants().isEmpty, "\(index.checkInvariants()), \(seed)")
    }

    @Test func postingsStayInStepWhenSequencesAreAddedAfterASearch() {
        let index = FuzzyIndex()
        var generator = SeededGenerator.fromEnvironment()
        let seed = generator.description
        // Enough repetitions of a few words that some get bit sets (one sequence in 128 or more).
        for _ in 0..<3_000 { index.add((0..<Int.random(in: 1...12, using: &generator)).map { _ in "w\(Int.random(in: 0..<30, using: &generator))" }) }
        #expect(index.checkInvariants().isEmpty, "\(index.checkInvariants()), \(seed)")
        _ = index.search(["w1", "w2", "w3"], minimum: 50, limit: 5) { $1 }
        for _ in 0..<500 { index.add((0..<Int.random(in: 1...12, using: &generator)).map { _ in "w\(Int.random(in: 0..<40, using: &generator))" }) }
        #expect(index.checkInvariants().isEmpty, "\(index.checkInvariants()), \(seed)")
        #expect(!index.bitsetOfToken.isEmpty)
    }
}

/// The tokenizer's fast paths (pure ASCII; text whose scalars fold alone) give the general path's tokens.
@Suite struct MatchTokenizerTests {
    @Test func fastPathsEqualTheGeneralPath() throws {
        let texts = [
            "The SCO summit opened in Astana on 4 July 2024, at 10:30.",
            "Саммит ШОС открылся 4 июля 2024 г. в Астане — «исторический» день; Ёлка, ёж.",
            "上合组织峰会于2024年7月4日在阿斯塔纳举行。聯合國安理會",
            "Café déjà vu, naïve coöperation: Ä Ö Ü ß straße ﬁnance ½ ①",
            "e\u{301}te\u{301} combining accents and Hangul 한국어 and ｆｕｌｌｗｉｄｔｈ １２３",
            "tab\tand\u{00A0}no-break\u{2009}thin space – en dash — em dash − minus",
            "COVID-19 S/RES/2231 (2015) 1,000.50 12.05.2023 3/4 x86_64 A4",
            "日本語のカタカナとひらがな、ｶﾀｶﾅ",
            "𝐁𝐨𝐥𝐝 math letters and emoji 🙂 outside the BMP",
            "",
            "   ",
        ]
        let fast = try MatchTokenizer()
        let general = try MatchTokenizer()
        general.fastPaths = false
        for text in texts {
            #expect(try fast.tokens(of: text) == general.tokens(of: text), "\(text)")
        }
    }
}
