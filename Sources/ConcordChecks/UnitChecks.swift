import ConcordModel

/// The checks that look at one unit alone: numbers, untranslated text, inline codes and punctuation.
enum UnitChecks {
    static func numberMismatch(_ unit: CheckUnit) -> CheckFinding? {
        let source = NumberReader.numbers(in: unit.source.plainText), target = NumberReader.numbers(in: unit.target.plainText)
        if let missing = unmatched(source, in: target) {
            return CheckFinding(DiagnosticCatalog.checkNumberMismatch, check: .numberMismatch, unit: unit, sourceSpan: missing.range,
                                message: "\(missing.value) in the source is not in the target; check the figure")
        }
        if let extra = unmatched(target, in: source) {
            return CheckFinding(DiagnosticCatalog.checkNumberMismatch, check: .numberMismatch, unit: unit, targetSpan: extra.range,
                                message: "\(extra.value) in the target is not in the source; check the figure")
        }
        return nil
    }

    /// The first number written in digits on one side that the other side lacks. Values are
    /// compared as sets: a translation that says the year twice, or once, says the same.
    private static func unmatched(_ numbers: [NumberReader.Found], in other: [NumberReader.Found]) -> NumberReader.Found? {
        let available = Set(other.map(\.value))
        return numbers.first { $0.strong && !available.contains($0.value) }
    }

    static func untranslated(_ unit: CheckUnit) -> CheckFinding? {
        let source = trimmed(unit.source.plainText), target = trimmed(unit.target.plainText)
        if target.isEmpty, !source.isEmpty {
            return CheckFinding(DiagnosticCatalog.checkUntranslated, check: .untranslated, unit: unit, message: "the target is empty: translate it")
        }
        // A source of words (not a code, a number or a lone acronym) copied unchanged.
        guard target.elementsEqual(source) else { return nil }
        let words = String(source).split(whereSeparator: { !$0.isLetter }).filter { word in word.count > 1 && word.contains { $0.isLowercase } }
        if !words.isEmpty {
            return CheckFinding(DiagnosticCatalog.checkUntranslated, check: .untranslated, unit: unit,
                                targetSpan: 0..<unit.target.plainText.unicodeScalars.count, message: "the target is the source text: translate it")
        }
        return nil
    }

    /// The text without white space at either end.
    private static func trimmed(_ text: String) -> Substring.UnicodeScalarView {
        var scalars = text.unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return scalars
    }

    static func tagMismatch(_ unit: CheckUnit) -> CheckFinding? {
        func kinds(_ text: TaggedText) -> [String] {
            text.allTags.map { "\($0.role.rawValue) \($0.type ?? "code")" }.sorted()
        }
        let source = kinds(unit.source), target = kinds(unit.target)
        guard source != target else { return nil }
        let missing = source.filter { kind in source.filter { $0 == kind }.count > target.filter { $0 == kind }.count }
        let extra = target.filter { kind in target.filter { $0 == kind }.count > source.filter { $0 == kind }.count }
        var parts: [String] = []
        if !missing.isEmpty { parts.append("missing in the target: \(Set(missing).sorted().joined(separator: ", "))") }
        if !extra.isEmpty { parts.append("not in the source: \(Set(extra).sorted().joined(separator: ", "))") }
        return CheckFinding(DiagnosticCatalog.checkTagMismatch, check: .tagMismatch, unit: unit,
                            message: "the inline codes differ (\(parts.joined(separator: "; "))): keep the source's codes")
    }
}
