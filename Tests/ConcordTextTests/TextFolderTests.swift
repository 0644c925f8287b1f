import Testing
@testable import ConcordText

@Suite struct TextFolderTests {
    let folder = try! TextFolder()

    @Test func caseFoldingAndNFKC() throws {
        #expect(try folder.foldedString("SCO Summit") == "sco summit")
        #expect(try folder.foldedString("ＳＣＯ") == "sco")           // full-width forms
        #expect(try folder.foldedString("Straße") == "strasse")       // full case folding
        #expect(try folder.foldedString("ШОС") == "шос")
    }

    @Test func everyDashBecomesAHyphen() throws {
        #expect(try folder.foldedString("2019–2020 — Secretary‑General −5") == "2019-2020 - secretary-general -5")
    }

    @Test func noBreakAndOtherSpacesBecomeSpaces() throws {
        #expect(try folder.foldedString("Совет\u{00A0}Безопасности\u{202F}ООН\u{3000}x\ty") == "совет безопасности оон x y")
    }

    @Test func yoBecomesYe() throws {
        #expect(try folder.foldedString("Семёнов ЁЛКА") == "семенов елка")
    }

    @Test func traditionalChineseBecomesSimplified() throws {
        #expect(try folder.foldedString("聯合國安理會") == "联合国安理会")
    }

    @Test func combiningSequencesFoldLikePrecomposedOnes() throws {
        #expect(try folder.foldedString("e\u{0301}") == folder.foldedString("\u{00E9}"))
    }

    @Test func offsetMapPointsBackAtTheOriginal() throws {
        // ß expands to two scalars; both map back to the one original scalar.
        let folded = try folder.fold("Straße ＳＣＯ")
        #expect(folded.text == "strasse sco")
        #expect(folded.originalOffsets == [0, 1, 2, 3, 4, 4, 5, 6, 7, 8, 9, 10])
        // "sse" in the folded text covers "ße" in the original.
        #expect(folded.originalRange(of: 4..<7) == 4..<6)
        // "sco" covers the full-width letters.
        #expect(folded.originalRange(of: 8..<11) == 7..<10)
    }

    @Test func offsetMapAcrossDecomposition() throws {
        let folded = try folder.fold("ﬁx") // the ligature expands to "fi"
        #expect(folded.text == "fix")
        #expect(folded.originalRange(of: 0..<2) == 0..<1)
        #expect(folded.originalRange(of: 2..<3) == 1..<2)
    }

    @Test func foldingCanBeLimited() throws {
        let caseOnly = try TextFolder(options: [.caseFold])
        #expect(try caseOnly.foldedString("Ё–聯") == "ё–聯")
    }
}
