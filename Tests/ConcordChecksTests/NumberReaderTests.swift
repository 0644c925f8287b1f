import Testing
@testable import ConcordChecks

@Suite struct NumberReaderTests {
    func values(_ text: String) -> [String] { NumberReader.numbers(in: text).map(\.value) }

    @Test func separatorsAndScriptsAgree() {
        #expect(values("over 1,000 delegates from 111 countries") == ["1000", "111"])
        #expect(values("более 1 000 делегатов из 111 стран") == ["1000", "111"])
        #expect(values("1.000 Delegierte, 2,5 Prozent") == ["1000", "2.5"])
        #expect(values("2.5 per cent") == ["2.5"])
        #expect(values("1000多名代表，来自111个国家") == ["1000", "111"])
        #expect(values("参加人数达5万") == ["50000"])
        #expect(values("On 24 April 2019") == ["24", "4", "2019"])     // the month answers weakly for 4月
        #expect(values("24 апреля 2019 г.") == ["24", "4", "2019"])
        #expect(values("2019年4月24日") == ["2019", "4", "24"])
    }

    @Test func timesAreHoursAndMinutes() {
        #expect(values("at 10.15 a.m.") == ["10", "15"])
        #expect(values("в 10 ч. 15 м.") == ["10", "15"])
        #expect(values("at 3 p.m.") == ["15"])
        #expect(values("в 15 ч. 00 м.").first == "15")
        #expect(values("15:30") == ["15", "30"])
        #expect(values("leaving at 1855 hours over Naqurah") == ["18", "55"])
        #expect(values("At 1115, near the village") == ["11", "15"])
        #expect(values("10.00 - 13.00") == ["10", "13"])
        #expect(values("from 10 a.m. to 1 p.m.") == ["10", "13"])
        #expect(NumberReader.numbers(in: "8. Конференция Сторон").allSatisfy { !$0.strong })
    }

    @Test func wordsRomanAndChineseNumeralsAnswerWeakly() {
        let roman = NumberReader.numbers(in: "VIII Московская конференция")
        #expect(roman.map(\.value) == ["8"] && roman.allSatisfy { !$0.strong })
        #expect(values("第八届莫斯科国际安全会议") == ["8"])
        #expect(values("十二个国家") == ["12"])
        #expect(values("统一和一些") == [])
        #expect(values("семь дней, а не семья") == ["7"])
        #expect(values("the 8th Moscow Conference") == ["8"])
    }
}

@Suite struct NumberScaleTests {
    func values(_ text: String) -> [String] { NumberReader.numbers(in: text).map(\.value) }

    @Test func scaleWordsGiveTheFullValue() {
        #expect(values("amounted to $263.9 million") == ["263900000"])
        #expect(values("达2.639亿美元") == ["263900000"])
        #expect(values("составила 263,9 млн долл.") == ["263900000"])
        #expect(values("1.5 billion") == ["1500000000"])
        #expect(values("定于下午3时举行") == ["15"])
    }
}
