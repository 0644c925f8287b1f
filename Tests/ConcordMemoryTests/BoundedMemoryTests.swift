import ConcordModel
import Foundation
import Testing
@testable import ConcordMemory

/// Inputs whose cost used to grow with the square of their size.
@Suite struct BoundedMemoryTests {
    @Test func aLongPatternKeepsOneMaskPerPositionAtMost() {
        let ids = (0..<200_000).map { Int32($0 % 150_000) }
        let pattern = EditDistance.Pattern(ids)
        #expect(pattern.entryMasks.count <= ids.count)
        #expect(pattern.masks.isEmpty)
        #expect(EditDistance.distance(pattern, Array(ids[0..<10])) == ids.count - 10)
    }

    @Test func longDiffsStillDescribeBothSides() {
        let source = (0..<30_000).map { "s\($0 % 997)" }
        var query = source
        query.insert("new", at: 15_000)
        query.removeLast(3)
        query += (0..<5_000).map { "q\($0)" }
        for (a, b) in [(source, query), (Array(source.prefix(50)), Array(query.prefix(60)))] {
            let diff = TokenDiff.explain(source: a, query: b)
            #expect(diff.filter { !$0.hasPrefix("+") }.map { String($0.dropFirst()) } == a)
            #expect(diff.filter { !$0.hasPrefix("-") }.map { String($0.dropFirst()) } == b)
        }
    }

    @Test func aUnitWithHundredsOfVariantsGivesABoundedNumberOfEntries() throws {
        var variants: [Variant] = []
        for number in 0..<500 {
            variants.append(Variant(language: LanguageTag("en"), segment: Segment("The summit opened today.")))
            variants.append(Variant(language: LanguageTag("ru"), segment: Segment("Саммит открылся \(number).")))
        }
        let index = try TranslationMemoryIndex()
        try index.add([TranslationUnit(variants: variants)], from: LanguageTag("en"), to: LanguageTag("ru"), origin: "many.tmx")
        let side = TranslationMemoryIndex.maximumVariantsPerSide
        #expect(index.count == side * side)
        #expect(index.unitsWithTooManyVariants.count == 1)
        let matches = try index.lookup(Segment("The summit opened today."), limit: 5)
        #expect(matches.count == 5 && matches.allSatisfy { $0.score == 100 })
    }
}
