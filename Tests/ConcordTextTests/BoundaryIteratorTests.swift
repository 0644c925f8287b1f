import Testing
@testable import ConcordText

@Suite struct BoundaryIteratorTests {
    @Test func englishSentencesKeepMrWithItsName() throws {
        let text = "Mr. Norov opened the meeting. The SCO Secretary-General spoke next."
        let iterator = try BoundaryIterator(kind: .sentence, locale: ConcordTextInfo.sentenceLocale(for: "en"))
        let sentences = try iterator.segments(in: text).map { slice(text, $0) }
        #expect(sentences == ["Mr. Norov opened the meeting. ", "The SCO Secretary-General spoke next."])
    }

    @Test func russianSentences() throws {
        let text = "Совещание открыл Генеральный секретарь ШОС. Участники обсудили борьбу с терроризмом."
        let iterator = try BoundaryIterator(kind: .sentence, locale: ConcordTextInfo.sentenceLocale(for: "ru"))
        let sentences = try iterator.segments(in: text).map { slice(text, $0) }
        #expect(sentences == ["Совещание открыл Генеральный секретарь ШОС. ", "Участники обсудили борьбу с терроризмом."])
    }

    @Test func chineseClosingQuoteStaysWithItsSentence() throws {
        let text = "他说：“上合组织将继续合作。”会议随后结束。"
        let iterator = try BoundaryIterator(kind: .sentence, locale: "zh")
        let sentences = try iterator.segments(in: text).map { slice(text, $0) }
        #expect(sentences == ["他说：“上合组织将继续合作。”", "会议随后结束。"])
    }

    @Test func offsetsAreUnicodeScalarsEvenBeyondTheBMP() throws {
        // U+20000 is two UTF-16 units but one scalar.
        let text = "𠀀好。再见。"
        let iterator = try BoundaryIterator(kind: .sentence, locale: "zh")
        #expect(try iterator.boundaries(in: text) == [0, 3, 6])
    }

    @Test func wordTokensCarryKindsAndOffsets() throws {
        let tokenizer = try WordTokenizer(locale: "en")
        let tokens = try tokenizer.tokens(in: "SCO, 2019 talks")
        #expect(tokens.map(\.text) == ["SCO", ",", " ", "2019", " ", "talks"])
        #expect(tokens.map(\.kind) == [.letters, .other, .other, .number, .other, .letters])
        #expect(tokens[3].range == 5..<9)
    }

    private func slice(_ text: String, _ range: Range<Int>) -> String {
        let scalars = Array(text.unicodeScalars)
        return String(String.UnicodeScalarView(scalars[range]))
    }
}
