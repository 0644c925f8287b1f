import ConcordModel
import ConcordText

/// A rule with its patterns compiled once.
///
/// Where ICU allows it (a `before` pattern of bounded length), the rule is one
/// expression, `(?<=before)after`, tried at the position. Otherwise `before`
/// is matched as `(?:before)$` in a window that ends at the position, and
/// `after` from the position.
final class CompiledRule {
    let isBreak: Bool
    /// Characters that can end the `before` side, when a quick look at the pattern tells (nil: any).
    let lastCharacters: Set<UInt16>?
    /// The `after` side starts with white space (`\s`), when a quick look tells.
    let afterStartsWithSpace: Bool
    private let combined: RegularExpression?
    private let before: RegularExpression?
    private let after: RegularExpression?
    private var attachedGeneration = -1
    /// Where the rule comes from and its patterns, for messages.
    let ruleSet: String
    let index: Int
    let rule: SegmentationRule

    init(_ rule: SegmentationRule, ruleSet: String, index: Int) throws {
        self.ruleSet = ruleSet
        self.index = index
        self.rule = rule
        isBreak = rule.isBreak
        lastCharacters = PatternShape.lastCharacters(of: rule.before)
        afterStartsWithSpace = rule.after.hasPrefix("\\s") && !rule.after.hasPrefix("\\s*") && !rule.after.hasPrefix("\\s?")
        func compile(_ pattern: String, side: String, wrap: (String) -> String) throws -> RegularExpression? {
            guard !pattern.isEmpty else { return nil }
            do {
                return try RegularExpression(wrap(pattern))
            } catch let TextError.invalidPattern(_, _, _, name) {
                throw SegmentationError.invalidRule(ruleSet: ruleSet, rule: index, side: side, pattern: pattern, message: name)
            }
        }
        // Check each side alone first, so a broken rule is reported by its side.
        let afterAlone = try compile(rule.after, side: "after") { $0 }
        let beforeAlone = try compile(rule.before, side: "before") { "(?:\($0))$" }
        if !rule.before.isEmpty, let fused = try? RegularExpression("(?<=(?:\(rule.before)))(?:\(rule.after))") {
            combined = fused
            before = nil
            after = nil
        } else {
            combined = nil
            before = beforeAlone
            after = afterAlone
        }
    }

    func attach(_ subject: SharedSubject) throws {
        guard attachedGeneration != subject.generation else { return }
        attachedGeneration = subject.generation
        let pointer = subject.buffer.baseAddress!
        try combined?.setSubject(pointer: pointer, count: subject.count)
        try before?.setSubject(pointer: pointer, count: subject.count)
        try after?.setSubject(pointer: pointer, count: subject.count)
    }

    /// A cheap test that rules the rule out before ICU is asked.
    @inline(__always)
    func mayMatch(before previous: UInt16, after next: UInt16) -> Bool {
        if afterStartsWithSpace && !SegmenterEngine.isSpace(next) { return false }
        if let lastCharacters, !lastCharacters.contains(previous) { return false }
        return true
    }

    /// True when both sides match around UTF-16 `position`.
    func matches(at position: Int, windowStart: Int) throws -> Bool {
        if let combined { return try combined.matches(at: position) }
        if let after, try !after.matches(at: position) { return false }
        guard let before else { return true }
        try before.setRegion(windowStart..<position, transparent: true)
        return try before.nextMatch() != nil
    }
}

/// What can be read off a pattern's text without compiling it.
enum PatternShape {
    /// The characters the pattern's match can end with, when the pattern ends in a
    /// plain literal, an escaped punctuation mark or a simple class; nil otherwise.
    static func lastCharacters(of pattern: String) -> Set<UInt16>? {
        var text = Substring(pattern)
        // Closing groups do not change what the match ends with.
        while text.hasSuffix(")") && !text.hasSuffix("\\)") { text = text.dropLast() }
        guard let last = text.last else { return nil }
        if "*+?}|$".contains(last) { return nil }
        if text.hasSuffix("\\.") || text.hasSuffix("\\!") || text.hasSuffix("\\?") {
            return [UInt16(text.dropLast().last == "\\" ? text.last!.asciiValue! : 0)]
        }
        let scalars = Array(text.unicodeScalars)
        if last == "]" {
            // A simple class of literals and escaped punctuation: [.?!], [.．], [》〉].
            guard let open = scalars.lastIndex(of: "["), open + 1 < scalars.count - 1, scalars[open + 1] != "^" else { return nil }
            var result: Set<UInt16> = []
            var index = open + 1
            while index < scalars.count - 1 {
                var scalar = scalars[index]
                if scalar == "\\" {
                    index += 1
                    guard index < scalars.count - 1 else { return nil }
                    scalar = scalars[index]
                    if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { return nil } // \p, \d, \s ...
                } else if scalar == "-" || scalar == "[" || scalar == "&" {
                    return nil
                }
                guard scalar.value < 0x10000 else { return nil }
                result.insert(UInt16(scalar.value))
                index += 1
            }
            return result.isEmpty ? nil : result
        }
        // A literal character that is not special to the regex.
        guard let scalar = scalars.last, scalars.count < 2 || scalars[scalars.count - 2] != "\\",
              !"\\.])}".unicodeScalars.contains(scalar), scalar.value < 0x10000 else { return nil }
        if scalar.properties.isAlphabetic { return nil } // case-insensitive flags could change it
        return [UInt16(scalar.value)]
    }
}
