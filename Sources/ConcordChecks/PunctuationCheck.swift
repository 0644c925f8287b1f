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
        guard hasPairedMarks(source) || hasPairedMarks(target) else { return nil }
        for pair in pairs {
            if balanced(source, pair) && !balanced(target, pair) {
                return CheckFinding(DiagnosticCatalog.checkPunctuation, check: .punctuation, unit: unit,
                                    message: "the target's \(pair.name) do not pair up as the source's do: close what is opened")
            }
        }
        return nil
    }

    /// The class of the last mark, past closing quotes, brackets and spaces.
    static func ending(_ text: String) -> Ending {
        let closers: Set<Unicode.Scalar> = ["\"", "'", "»", "”", "“", "’", "」", "』", ")", "）", "]", "》", " ", "\u{A0}", "\n", "\r", "\t"]
        var scalars = text.unicodeScalars[...]
        while let last = scalars.last, closers.contains(last) { scalars.removeLast() }
        guard let last = scalars.last else { return .none }
        switch last {
        case ".", "。", "．": return scalars.suffix(3).elementsEqual([".", ".", "."]) ? .ellipsis : .period
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
        let opening: Set<Unicode.Scalar>
        let closing: Set<Unicode.Scalar>
        /// Marks that open and close alike (`"`): they pair by count.
        let either: Set<Unicode.Scalar>
        /// Every mark of the pair, to pass over text without any at once.
        var all: Set<Unicode.Scalar> { opening.union(closing).union(either) }
    }

    static let quotes = Pair(name: "quotation marks", opening: ["«", "„", "「", "『", "‹"], closing: ["»", "」", "』", "›"], either: ["\"", "“", "”"])
    static let brackets = Pair(name: "brackets", opening: ["(", "（", "["], closing: [")", "）", "]"], either: [])
    static let titleMarks = Pair(name: "title marks 《》", opening: ["《", "〈"], closing: ["》", "〉"], either: [])
    private static let pairs = [quotes, brackets, titleMarks]
    private static let marks = pairs.reduce(into: Set<Unicode.Scalar>()) { $0.formUnion($1.all) }

    /// Every opening has its closing (curly quotes count as either: “ opens in English and closes in Russian).
    static func balanced(_ text: String, _ pair: Pair) -> Bool {
        var depth = 0, either = 0
        for scalar in text.unicodeScalars where scalar.value >= 0x22 && marks.contains(scalar) {
            if pair.opening.contains(scalar) { depth += 1 }
            if pair.closing.contains(scalar) { depth -= 1; if depth < 0 { return false } }
            if pair.either.contains(scalar) { either += 1 }
        }
        return depth == 0 && either % 2 == 0
    }

    /// Whether the text has any quotation mark, bracket or title mark at all (most sentences have none).
    static func hasPairedMarks(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value >= 0x22 && ($0.value < 0x80 ? asciiMarks.contains($0.value) : marks.contains($0)) }
    }

    private static let asciiMarks: Set<UInt32> = Set(marks.map(\.value).filter { $0 < 0x80 })
}
