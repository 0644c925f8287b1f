/// What a segment leaves out at its edges: white space, markup tags that
/// open or close it (CAT tools keep those outside the segment) and the dot
/// leaders and page numbers of a table of contents.
enum SegmentTrimmer {
    /// `range` without what does not belong to the sentence, or nil when nothing is left.
    static func trim(_ range: Range<Int>, in units: [UInt16]) -> Range<Int>? {
        var lower = range.lowerBound
        var upper = range.upperBound
        var changed = true
        while changed && lower < upper {
            changed = false
            while lower < upper, SegmenterEngine.isSpace(units[lower]) { lower += 1; changed = true }
            while upper > lower, SegmenterEngine.isSpace(units[upper - 1]) { upper -= 1; changed = true }
            if let end = tag(startingAt: lower, before: upper, in: units) { lower = end; changed = true }
            if let start = tag(endingAt: upper, after: lower, in: units) { upper = start; changed = true }
            if let start = leader(endingAt: upper, after: lower, in: units) { upper = start; changed = true }
        }
        return lower < upper ? lower..<upper : nil
    }

    /// Drops a segment that is only a page number right after a segment that lost its leader.
    static func droppingPageNumbers(_ pieces: [Range<Int>], in units: [UInt16]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for (index, piece) in pieces.enumerated() {
            let digitsOnly = piece.allSatisfy { isPageNumber(units[$0]) } && units[piece.lowerBound] != 0x2D
            if digitsOnly, index > 0, piece.count <= 9, hadLeader(before: piece.lowerBound, previous: pieces[index - 1], in: units) { continue }
            result.append(piece)
        }
        return result
    }

    private static func hadLeader(before position: Int, previous: Range<Int>, in units: [UInt16]) -> Bool {
        var dots = 0
        for index in previous.upperBound..<position where units[index] == 0x2E { dots += 1 }
        return dots >= 4
    }

    /// `<tag ...>` or `</tag>` starting at `start`: the index after it.
    private static func tag(startingAt start: Int, before end: Int, in units: [UInt16]) -> Int? {
        guard start < end, units[start] == 0x3C else { return nil } // <
        var index = start + 1
        if index < end, units[index] == 0x2F { index += 1 } // /
        guard index < end, isASCIILetter(units[index]) else { return nil }
        while index < end, units[index] != 0x3E, units[index] != 0x3C { index += 1 }
        guard index < end, units[index] == 0x3E else { return nil }
        return index + 1
    }

    /// A tag ending at `end`: the index where it starts.
    private static func tag(endingAt end: Int, after start: Int, in units: [UInt16]) -> Int? {
        guard end > start, units[end - 1] == 0x3E else { return nil } // >
        var index = end - 2
        while index >= start, units[index] != 0x3C, units[index] != 0x3E { index -= 1 }
        guard index >= start, units[index] == 0x3C, let after = tag(startingAt: index, before: end, in: units), after == end else { return nil }
        return index
    }

    /// Leader dots ending the segment, with the page number (or range) after them:
    /// five dots or more, or four before a page number ("that...." is an ellipsis).
    private static func leader(endingAt end: Int, after start: Int, in units: [UInt16]) -> Int? {
        var index = end
        while index > start, isPageNumber(units[index - 1]), end - index < 9 { index -= 1 }
        let hasPageNumber = index < end
        while index > start, SegmenterEngine.isSpace(units[index - 1]) { index -= 1 }
        var dots = 0
        while index > start, units[index - 1] == 0x2E || units[index - 1] == 0x2026 || units[index - 1] == 0xB7 { index -= 1; dots += 1 }
        guard dots >= 5 || (dots >= 4 && hasPageNumber), index > start else { return nil }
        return index
    }

    private static func isPageNumber(_ unit: UInt16) -> Bool {
        (unit >= 0x30 && unit <= 0x39) || unit == 0x2D || unit == 0x2013
    }

    private static func isASCIILetter(_ unit: UInt16) -> Bool {
        (unit >= 0x41 && unit <= 0x5A) || (unit >= 0x61 && unit <= 0x7A)
    }
}
