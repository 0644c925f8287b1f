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
            if (unit == 0x2E || unit == 0x29) && Segmenter.isSpace(units[index + 1]) {
                var start = index
                while start > lastEnd, index - start < 9, !Segmenter.isSpace(units[start - 1]) { start -= 1 }
                if start == lastEnd || Segmenter.isSpace(units[start - 1]) {
                    // A bullet may stand before the marker with a space between.
                    var tokenStart = start
                    if tokenStart >= 2, Segmenter.isSpace(units[tokenStart - 1]), [0x2022, 0x2043, 0x25E6].contains(units[tokenStart - 2]) { tokenStart -= 2 }
                    if let marker = marker(at: tokenStart, in: units) ?? (tokenStart != start ? marker(at: start, in: units) : nil),
                       marker.range.upperBound == index + 1 {
                        candidates.append(marker)
                        lastEnd = marker.range.upperBound
                    }
                }
            }
            index += 1
        }
        let firstContent = units.firstIndex { !Segmenter.isSpace($0) } ?? 0
        var accepted: [Marker] = []
        for (position, marker) in candidates.enumerated() {
            let sameKind = { (other: Marker) in other.kind == marker.kind }
            let previous = candidates[..<position].last(where: sameKind)
            let next = candidates[(position + 1)...].first(where: sameKind)
            let continues = previous.map { $0.value + 1 == marker.value } ?? false
            let continued = next.map { $0.value == marker.value + 1 } ?? false
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
        while position > 0, Segmenter.isSpace(units[position - 1]) { position -= 1 }
        var start = position
        while start > 0, let scalar = Unicode.Scalar(UInt32(units[start - 1])), scalar.properties.isAlphabetic { start -= 1 }
        guard start < position, let first = Unicode.Scalar(UInt32(units[start])) else { return false }
        return first.properties.isUppercase
    }

    /// True when only white space separates `index` from the previous line break.
    private static func startsLine(_ index: Int, in units: [UInt16]) -> Bool {
        var position = index
        while position > 0, Segmenter.isSpace(units[position - 1]) {
            if Segmenter.isLineBreak(units[position - 1]) { return true }
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
        let body = String(decoding: units[bodyStart..<index], as: UTF16.self)
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
        guard index < units.count, Segmenter.isSpace(units[index]) else { return nil }
        let style = (parenthesised ? "(" : "") + punctuation
        if body.allSatisfy(\.isNumber), body.count <= 2, let value = Int(body) {
            return Marker(range: start..<index, kind: .number(style), value: value)
        }
        if let value = romanValue(body.lowercased()), body.count > 1 || "ivx".contains(body.lowercased()) && parenthesised {
            let upper = body == body.uppercased()
            return Marker(range: start..<index, kind: .roman(style, upper: upper), value: value)
        }
        if body.count == 1, let scalar = body.unicodeScalars.first, scalar.properties.isAlphabetic {
            let lower = body.lowercased().unicodeScalars.first!.value
            return Marker(range: start..<index, kind: .letter(style, upper: body != body.lowercased()), value: Int(lower) - 0x60)
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
            if (unit == 0x2E || unit == 0x29), Segmenter.isSpace(units[index + 1]) || (unit == 0x2E && units[index + 1] == 0x29) { return true }
            if Segmenter.isSpace(unit) && !(index == start + 1 && first >= 0x2022) { return false }
            index += 1
        }
        return false
    }

    private static func romanValue(_ text: String) -> Int? {
        let values = ["i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10, "xi": 11, "xii": 12]
        return values[text]
    }

    private static func isAlphanumericASCII(_ unit: UInt16) -> Bool {
        (unit >= 0x30 && unit <= 0x39) || (unit >= 0x41 && unit <= 0x5A) || (unit >= 0x61 && unit <= 0x7A)
    }

    private static func nextLetter(after index: Int, in units: [UInt16]) -> UInt16? {
        var position = index
        while position < units.count, Segmenter.isSpace(units[position]) { position += 1 }
        return position < units.count ? units[position] : nil
    }

    private static func isLower(_ unit: UInt16) -> Bool {
        guard let scalar = Unicode.Scalar(UInt32(unit)) else { return false }
        return scalar.properties.isLowercase
    }
}
