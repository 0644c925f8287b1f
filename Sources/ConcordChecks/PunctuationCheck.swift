import ConcordModel

/// End punctuation and paired marks, across scripts: `。` is a period as `.` is, `«»`, `“”`, `„“`,
/// `「」` and `""` are all quotation marks, `（）` are brackets as `()` are. Quotation marks that a
/// sentence opens and another closes (a quotation over several sentences) are left alone: only
/// a target whose quotes or brackets do not pair where the source's do is reported.
enum PunctuationCheck {
    enum Ending: String {
        case period, question, exclamation, colon, semicolon, ellipsis, none
    }

    static func check(_ unit: CheckUnit) -> CheckFinding? {
        let source = unit.source.plainText, target = unit.target.plainText
        guard !target.isEmpty, !source.isEmpty else { return nil }
        let (sourceEnd, targetEnd) = (ending(source), ending(target))
        if sourceEnd != targetEnd, !(sourceEnd == .none && targetEnd == .period), !(sourceEnd == .period && targetEnd == .none && isHeadingLike(target)) {
            let count = target.unicodeScalars.count
            return CheckFinding(DiagnosticCatalog.checkPunctuation, check: .punctuation, unit: unit,
                                targetSpan: max(0, count - 1)..<count,
                                message: "the source ends with \(describe(sourceEnd)), the target with \(describe(targetEnd)): make them correspond")
        }
        for pair in [quotes, brackets, titleMarks] {
            if balanced(source, pair) && !balanced(target, pair) {
                return CheckFinding(DiagnosticCatalog.checkPunctuation, check: .punctuation, unit: unit,
                                    message: "the target's \(pair.name) do not pair up as the source's do: close what is opened")
            }
        }
        return nil
    }

    /// The class of the last mark, past closing quotes, brackets and spaces.
    static func ending(_ text: String) -> Ending {
        let closers: Set<Character> = ["\"", "'", "»", "”", "“", "’", "」", "』", ")", "）", "]", "》", " ", "\u{A0}", "\n"]
        var characters = Array(text)
        while let last = characters.last, closers.contains(last) { characters.removeLast() }
        guard let last = characters.last else { return .none }
        switch last {
        case ".", "。", "．": return characters.suffix(3) == ["." , ".", "."] ? .ellipsis : .period
        case "?", "？": return .question
        case "!", "！": return .exclamation
        case ":", "：": return .colon
        case ";", "；": return .semicolon
        case "…": return .ellipsis
        default: return .none
        }
    }

    /// A short line without a verb-like end: a title may drop the period.
    private static func isHeadingLike(_ text: String) -> Bool { text.count < 60 }

    private static func describe(_ ending: Ending) -> String {
        switch ending {
        case .period: "a period"
        case .question: "a question mark"
        case .exclamation: "an exclamation mark"
        case .colon: "a colon"
        case .semicolon: "a semicolon"
        case .ellipsis: "an ellipsis"
        case .none: "no end punctuation"
        }
    }

    struct Pair {
        let name: String
        let opening: Set<Character>
        let closing: Set<Character>
        /// Marks that open and close alike (`"`): they pair by count.
        let either: Set<Character>
    }

    static let quotes = Pair(name: "quotation marks", opening: ["«", "„", "「", "『", "‹"], closing: ["»", "」", "』", "›"], either: ["\"", "“", "”"])
    static let brackets = Pair(name: "brackets", opening: ["(", "（", "["], closing: [")", "）", "]"], either: [])
    static let titleMarks = Pair(name: "title marks 《》", opening: ["《", "〈"], closing: ["》", "〉"], either: [])

    /// Every opening has its closing (curly quotes count as either: “ opens in English and closes in Russian).
    static func balanced(_ text: String, _ pair: Pair) -> Bool {
        var depth = 0, either = 0
        for character in text {
            if pair.opening.contains(character) { depth += 1 }
            if pair.closing.contains(character) { depth -= 1; if depth < 0 { return false } }
            if pair.either.contains(character) { either += 1 }
        }
        return depth == 0 && either % 2 == 0
    }
}
