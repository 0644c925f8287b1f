/// How two segments that match word for word differ in punctuation or white space, said so
/// that a translator sees it (a no-break space for a space shows in no diff of words).
enum SpacingDifference {
    /// nil when punctuation and white space are the same; else what changed, from source to query.
    static func describe(query: String, source: String) -> String? {
        let (queryMarks, sourceMarks) = (marks(query), marks(source))
        if queryMarks != sourceMarks {
            return "punctuation differs: " + change(from: sourceMarks, to: queryMarks, name: { "\"\($0)\"" })
        }
        let (querySpaces, sourceSpaces) = (spaces(query), spaces(source))
        guard querySpaces != sourceSpaces else { return nil }
        return "spaces differ: " + change(from: sourceSpaces, to: querySpaces, name: spaceName)
    }

    /// The diff to show when only white space differs (words and marks are the same), which a
    /// diff of tokens cannot show: the text in runs, white space named where it changed
    /// (`=plan;`, `-⟨space⟩`, `+⟨no-break space⟩`, `=summit`).
    static func whiteSpaceDiff(source: String, query: String) -> [String]? {
        guard marks(query) == marks(source), spaces(query) != spaces(source) else { return nil }
        let (sourceRuns, queryRuns) = (runs(source), runs(query))
        guard sourceRuns.filter({ !$0.isSpace }).map(\.text) == queryRuns.filter({ !$0.isSpace }).map(\.text) else { return nil }
        let diff = TokenDiff.explain(source: sourceRuns.map(\.label), query: queryRuns.map(\.label))
        // Unchanged white space says nothing.
        return diff.filter { !($0.hasPrefix("=⟨") && $0.hasSuffix("⟩")) }
    }

    private struct Run {
        var text: String
        var isSpace: Bool
        var label: String { isSpace ? "⟨" + text.unicodeScalars.map(spaceName).joined(separator: " ") + "⟩" : text }
    }

    /// The text cut into maximal runs of white space and of everything else.
    private static func runs(_ text: String) -> [Run] {
        var runs: [Run] = []
        for scalar in text.unicodeScalars {
            let isSpace = scalar.properties.isWhitespace
            if let last = runs.last, last.isSpace == isSpace {
                runs[runs.count - 1].text.unicodeScalars.append(scalar)
            } else {
                runs.append(Run(text: String(scalar), isSpace: isSpace))
            }
        }
        return runs
    }

    private static func marks(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { MatchToken.isPunctuationKey(String($0)) }
    }

    private static func spaces(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter(\.properties.isWhitespace)
    }

    /// "X for Y", "X added", "X left out", for the first differences.
    private static func change(from source: [Unicode.Scalar], to query: [Unicode.Scalar], name: (Unicode.Scalar) -> String) -> String {
        let difference = query.difference(from: source)
        let removed = difference.removals.compactMap { if case let .remove(_, scalar, _) = $0 { return scalar } else { return nil } }
        let inserted = difference.insertions.compactMap { if case let .insert(_, scalar, _) = $0 { return scalar } else { return nil } }
        var parts: [String] = []
        for (old, new) in zip(removed, inserted) { parts.append("\(name(new)) for \(name(old))") }
        for new in inserted.dropFirst(removed.count) { parts.append("\(name(new)) added") }
        for old in removed.dropFirst(inserted.count) { parts.append("\(name(old)) left out") }
        return parts.prefix(3).joined(separator: ", ") + (parts.count > 3 ? ", …" : "")
    }

    private static func spaceName(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x20: return "space"
        case 0xA0: return "no-break space"
        case 0x202F: return "narrow no-break space"
        case 0x2009: return "thin space"
        case 0x09: return "tab"
        case 0x0A, 0x0D: return "line break"
        case 0x3000: return "ideographic space"
        default: return "U+" + String(scalar.value, radix: 16, uppercase: true)
        }
    }
}
