/// Finds list-item markers inside a paragraph ("1. The first item 2. The
/// second item", "a) here b) there", "(iii) Item", "• 9. Item"), so that each
/// item starts a new segment and the marker stays with its item.
///
/// A marker counts when it opens the paragraph, or when a neighbouring marker
/// of the same kind continues its count (1 → 2, a → b, ii → iii): a lone
/// "5." inside a sentence is a number, not a list.
enum ListMarkers {
    struct Marker {
        /// UTF-16 range of the marker itself (bullet and punctuation included).
        let range: Range<Int>
        let kind: Kind
        let value: Int
    }

    enum Kind: Equatable { case number(String), letter(String, upper: Bool), roman(String, upper: Bool) }

    /// Accepted markers, in order.
    static func find(in units: [UInt16]) -> [Marker] {
        // Markers end in "." or ")" before white space: look only there, then back to the token start.
        var candidates: [Marker] = []
        var index = 1
        var lastEnd = 0
        while index + 1 < units.count {
            let unit = units[index]
            if (unit == 0x2E || unit == 0x29) && SegmenterEngine.isSpace(units[index + 1]) {
                var start = index
                while start > lastEnd, index - start < 9, !SegmenterEngine.isSpace(units[start - 1]) { start -= 1 }
                if start == lastEnd || SegmenterEngine.isSpace(units[start - 1]) {
                    // A bullet may stand before the marker with a space between.
                    var tokenStart = start
                    if tokenStart >= 2, SegmenterEngine.isSpace(units[tokenStart - 1]), [0x2022, 0x2043, 0x25E6].contains(units[tokenStart - 2]) { tokenStart -= 2 }
                    if let marker = marker(at: tokenStart, in: units) ?? (tokenStart != start ? marker(at: start, in: units) : nil),
                       marker.range.upperBound == index + 1 {
                        candidates.append(marker)
                        lastEnd = marker.range.upperBound
                    }
                }
            }
            index += 1
        }
        let firstContent = units.firstIndex { !SegmenterEngine.isSpace($0) } ?? 0
        var accepted: [Marker] = []
        for (position, marker) in candidates.enumerated() {
            let sameKind = { (other: Marker) in other.kind == marker.kind }
            let previous = candidates[..<position].last(where: sameKind)
            let next = candidates[(position + 1)...].first(where: sameKind)
            // A list runs within a line; items on lines of their own open them anyway.
            let continues = previous.map { $0.value + 1 == marker.value && !hasLineBreak(units, $0.range.upperBound, marker.range.lowerBound) } ?? false
            let continued = next.map { $0.value == marker.value + 1 && !hasLineBreak(units, marker.range.upperBound, $0.range.lowerBound) } ?? false
            let opensParagraph = marker.range.lowerBound == firstContent || startsLine(marker.range.lowerBound, in: units)
            guard opensParagraph || continues || continued else { continue }
            // "John A. Smith": a capital letter between capitalised words is an initial.
            if case .letter(_, upper: true) = marker.kind, !opensParagraph, follows(capitalisedWordBefore: marker.range.lowerBound, in: units) { continue }
            // A number followed by a lower-case word ("for 1. above") is a reference, not an item.
            if case .number = marker.kind, !opensParagraph, let next = nextLetter(after: marker.range.upperBound, in: units), isLower(next) { continue }
            accepted.append(marker)
        }
        return accepted
    }

    private static func follows(capitalisedWordBefore index: Int, in units: [UInt16]) -> Bool {
        var position = index
        while position > 0, SegmenterEngine.isSpace(units[position - 1]) { position -= 1 }
        var start = position
        while start > 0, let scalar = Unicode.Scalar(UInt32(units[start - 1])), scalar.properties.isAlphabetic { start -= 1 }
        guard start < position, let first = Unicode.Scalar(UInt32(units[start])) else { return false }
        return first.properties.isUppercase
    }

    private static func hasLineBreak(_ units: [UInt16], _ from: Int, _ to: Int) -> Bool {
        guard from < to else { return false }
        return units[from..<to].contains { SegmenterEngine.isLineBreak($0) }
    }

    /// True when only white space separates `index` from the previous line break.
    private static func startsLine(_ index: Int, in units: [UInt16]) -> Bool {
        var position = index
        while position > 0, SegmenterEngine.isSpace(units[position - 1]) {
            if SegmenterEngine.isLineBreak(units[position - 1]) { return true }
            position -= 1
        }
        return false
    }

    /// A marker starting at `index`: optional bullet, then `12.` `12.)` `12)` `a.` `a)` `(a)` `(iv)`, then white space.
    private static func marker(at start: Int, in units: [UInt16]) -> Marker? {
        guard mayStartMarker(at: start, in: units) else { return nil }
        var index = start
        if index < units.count, units[index] == 0x2022 || units[index] == 0x2043 || units[index] == 0x25E6 { // • ⁃ ◦
            index += 1
            while index < units.count, units[index] == 0x20 { index += 1 }
        }
        var parenthesised = false
        if index < units.count, units[index] == 0x28 { // (
            parenthesised = true
            index += 1
        }
        let bodyStart = index
        while index < units.count, isAlphanumericASCII(units[index]), index - bodyStart < 5 { index += 1 }
        guard index > bodyStart, index < units.count else { return nil }
        let bodyEnd = index
        // Punctuation after the body.
        var punctuation = ""
        if parenthesised {
            guard units[index] == 0x29 else { return nil }
            punctuation = ")"
            index += 1
        } else if units[index] == 0x2E {
            index += 1
            punctuation = "."
            if index < units.count, units[index] == 0x29 {
                index += 1
                punctuation = ".)"
            }
        } else if units[index] == 0x29 {
            index += 1
            punctuation = ")"
        } else {
            return nil
        }
        guard index < units.count, SegmenterEngine.isSpace(units[index]) else { return nil }
        let style = (parenthesised ? "(" : "") + punctuation
        let body = units[bodyStart..<bodyEnd]
        if body.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            guard body.count <= 2 else { return nil }
            let value = body.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            return Marker(range: start..<index, kind: .number(style), value: value)
        }
        let lower = body.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        let upper = body.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
        if let value = romanValue(lower), body.count > 1 || (parenthesised && [0x69, 0x76, 0x78].contains(lower[0])) {
            return Marker(range: start..<index, kind: .roman(style, upper: upper), value: value)
        }
        if body.count == 1, lower[0] >= 0x61 && lower[0] <= 0x7A {
            return Marker(range: start..<index, kind: .letter(style, upper: upper), value: Int(lower[0]) - 0x60)
        }
        return nil
    }

    /// Cheap test before the real parse: within a few units of `start`, a `.` or `)` followed by white space.
    @inline(__always)
    private static func mayStartMarker(at start: Int, in units: [UInt16]) -> Bool {
        let first = units[start]
        guard isAlphanumericASCII(first) || first == 0x28 || first == 0x2022 || first == 0x2043 || first == 0x25E6 else { return false }
        var index = start + 1
        let limit = min(units.count - 1, start + 9)
        while index < limit {
            let unit = units[index]
            if (unit == 0x2E || unit == 0x29), SegmenterEngine.isSpace(units[index + 1]) || (unit == 0x2E && units[index + 1] == 0x29) { return true }
            if SegmenterEngine.isSpace(unit) && !(index == start + 1 && first >= 0x2022) { return false }
            index += 1
        }
        return false
    }

    /// i … xii as list numbers.
    private static func romanValue(_ lower: [UInt16]) -> Int? {
        switch lower {
        case [0x69]: return 1
        case [0x69, 0x69]: return 2
        case [0x69, 0x69, 0x69]: return 3
        case [0x69, 0x76]: return 4
        case [0x76]: return 5
        case [0x76, 0x69]: return 6
        case [0x76, 0x69, 0x69]: return 7
        case [0x76, 0x69, 0x69, 0x69]: return 8
        case [0x69, 0x78]: return 9
        case [0x78]: return 10
        case [0x78, 0x69]: return 11
        case [0x78, 0x69, 0x69]: return 12
        default: return nil
        }
    }

    private static func isAlphanumericASCII(_ unit: UInt16) -> Bool {
        (unit >= 0x30 && unit <= 0x39) || (unit >= 0x41 && unit <= 0x5A) || (unit >= 0x61 && unit <= 0x7A)
    }

    private static func nextLetter(after index: Int, in units: [UInt16]) -> UInt16? {
        var position = index
        while position < units.count, SegmenterEngine.isSpace(units[position]) { position += 1 }
        return position < units.count ? units[position] : nil
    }

    private static func isLower(_ unit: UInt16) -> Bool {
        guard let scalar = Unicode.Scalar(UInt32(unit)) else { return false }
        return scalar.properties.isLowercase
    }
}
