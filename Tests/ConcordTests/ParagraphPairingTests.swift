import Foundation
import Testing
@testable import Concord

/// Paragraphs that correspond guide the alignment; a translation that merged paragraphs does not.
@Suite struct ParagraphPairingTests {
    static func sentences(_ paragraphs: [[String]]) -> [SentenceSegment] {
        paragraphs.enumerated().flatMap { paragraph, texts in texts.map { SentenceSegment(text: $0, paragraph: paragraph, start: 0, end: 0) } }
    }

    @Test func correspondingParagraphsArePairedByTheirSentences() throws {
        let source = Self.sentences([["Title here"], ["One sentence here.", "Two sentences here."], ["Last one here."]])
        let target = Self.sentences([["Заголовок тут"], ["Одно длинное предложение тут."], ["Последнее тут."]])
        let pairs = try #require(ParagraphPairing.pairs(source: source, target: target))
        #expect(pairs.map(\.source) == [0..<1, 1..<3, 3..<4])
        #expect(pairs.map(\.target) == [0..<1, 1..<2, 2..<3])
    }

    @Test func paragraphsThatDoNotCorrespondAreNotUsed() {
        let source = Self.sentences([["A first paragraph of some length."], ["A second one, as long as that."]])
        // Merged into one paragraph.
        #expect(ParagraphPairing.pairs(source: source, target: Self.sentences([["Первый абзац. Второй абзац."]])) == nil)
        // As many paragraphs, but the text moved between them.
        let moved = Self.sentences([["Весь текст обоих абзацев оказался здесь, в первом из них, целиком."], ["—"]])
        #expect(ParagraphPairing.pairs(source: source, target: moved) == nil)
    }
}
