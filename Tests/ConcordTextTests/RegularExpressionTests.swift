import Testing
@testable import ConcordText

@Suite struct RegularExpressionTests {
    @Test func catastrophicBacktrackingRunsOutOfTime() throws {
        let evil = try RegularExpression("(a+)+$")
        try evil.setSubject(UTF16Text(String(repeating: "a", count: 40) + "b"))
        #expect(throws: TextError.timedOut(pattern: "(a+)+$")) { try evil.firstMatch(from: 0) }
        // A copy keeps the limit.
        let copy = try evil.copy()
        try copy.setSubject(UTF16Text(String(repeating: "a", count: 40) + "b"))
        #expect(throws: TextError.timedOut(pattern: "(a+)+$")) { try copy.matches(at: 0) }
    }

    @Test func matchesAtAGivenPosition() throws {
        let text = UTF16Text("Mr. Norov and Dr. Smith")
        let title = try RegularExpression("(?:Mr|Dr)\\.")
        try title.setSubject(text)
        #expect(try title.matches(at: 0))
        #expect(try !title.matches(at: 4))
        #expect(try title.matches(at: 14))
    }

    @Test func lookBehindSeesOutsideATransparentRegion() throws {
        let text = UTF16Text("В.В. Путин")
        let afterInitial = try RegularExpression("(?<=\\p{Lu}\\.)\\s*\\p{Lu}")
        try afterInitial.setSubject(text)
        try afterInitial.setRegion(4..<text.count, transparent: true)
        #expect(try afterInitial.matches(at: 4))
    }

    @Test func findsAllMatchesWithScalarOffsets() throws {
        let regex = try RegularExpression("\\d+")
        #expect(try regex.allMatches(in: "𠀀 12 and 345") == [2..<4, 9..<12])
    }

    @Test func caseInsensitiveOption() throws {
        let regex = try RegularExpression("sco", options: .caseInsensitive)
        #expect(try regex.allMatches(in: "SCO") == [0..<3])
    }

    @Test func reportsWhereAPatternIsBroken() throws {
        #expect(throws: TextError.self) { try RegularExpression("(unclosed") }
        do {
            _ = try RegularExpression("ab[")
            Issue.record("should not compile")
        } catch let TextError.invalidPattern(_, _, _, name) {
            #expect(name.hasPrefix("U_REGEX"))
        }
    }
}
