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
    private let combined: RegularExpression?
    private let before: RegularExpression?
    private let after: RegularExpression?
    private var attachedGeneration = -1

    init(_ rule: SegmentationRule, ruleSet: String, index: Int) throws {
        isBreak = rule.isBreak
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

    /// True when both sides match around UTF-16 `position`.
    func matches(at position: Int, windowStart: Int) throws -> Bool {
        if let combined { return try combined.matches(at: position) }
        if let after, try !after.matches(at: position) { return false }
        guard let before else { return true }
        try before.setRegion(windowStart..<position, transparent: true)
        return try before.nextMatch() != nil
    }
}

extension RegularExpression {
    /// Every match over the shared paragraph text, as UTF-16 ranges.
    func allUTF16Matches(subject: SharedSubject) throws -> [Range<Int>] {
        try setSubject(pointer: subject.buffer.baseAddress!, count: subject.count)
        var result: [Range<Int>] = []
        var next = try firstMatch(from: 0)
        while let match = next {
            result.append(match)
            next = try nextMatch()
        }
        return result
    }
}
