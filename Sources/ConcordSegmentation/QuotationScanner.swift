/// Finds where quotations and brackets are open, for keeping a quotation in one segment.
enum QuotationScanner {
    /// depth[i] > 0 when position i (UTF-16) lies inside a matched quotation or
    /// bracket. A mark that never finds its partner (an apostrophe in "'round",
    /// a quotation left open) is ignored rather than holding the rest hostage.
    static func depths(_ units: [UInt16], resetsAtLineBreaks: Bool = false) -> [Int] {
        func isLetter(_ index: Int) -> Bool {
            guard index >= 0, index < units.count, let scalar = Unicode.Scalar(UInt32(units[index])) else { return false }
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
        func isOpeningContext(_ index: Int) -> Bool {
            index == 0 || SegmenterEngine.isSpace(units[index - 1]) || [0x28, 0x5B, 0x201C, 0xAB, 0x2014, 0x2013, 0x22].contains(units[index - 1])
        }
        func isBlankLineAhead(_ index: Int) -> Bool {
            var position = index + 1
            while position < units.count, units[position] == 0x20 || units[position] == 0x09 || units[position] == 0x0D { position += 1 }
            return position < units.count && units[position] == 0x0A
        }
        // Pair openers with closers.
        var stack: [(mark: UInt16, index: Int)] = []
        var pairs: [(Int, Int)] = []
        func close(_ mark: UInt16, at index: Int) {
            if let position = stack.lastIndex(where: { $0.mark == mark }) {
                pairs.append((stack[position].index, index))
                stack.removeSubrange(position...)
            }
        }
        for (index, unit) in units.enumerated() {
            // A blank line ends every quotation: marks never pair across paragraphs.
            if unit == 0x0A, stack.count > 0, resetsAtLineBreaks || isBlankLineAhead(index) { stack.removeAll() }
            switch unit {
            case 0x201C, 0x201E: stack.append((0x201C, index))      // “ „
            case 0x201D: close(0x201C, at: index)                    // ”
            case 0xAB: stack.append((0xAB, index))                   // «
            case 0xBB: close(0xAB, at: index)                        // »
            case 0x300C: stack.append((0x300C, index))               // 「
            case 0x300D: close(0x300C, at: index)
            case 0x300E: stack.append((0x300E, index))               // 『
            case 0x300F: close(0x300E, at: index)
            case 0x28, 0xFF08: stack.append((0x28, index))           // ( （
            case 0x29, 0xFF09: close(0x28, at: index)
            case 0x5B: stack.append((0x5B, index))                   // [
            case 0x5D: close(0x5B, at: index)
            case 0x22:                                               // " opens or closes
                if stack.contains(where: { $0.mark == 0x22 }) { close(0x22, at: index) } else { stack.append((0x22, index)) }
            case 0x27, 0x2018, 0x2019:                               // ' ‘ ’, unless an apostrophe
                if isLetter(index - 1) && isLetter(index + 1) { break }
                if unit != 0x2019, isOpeningContext(index), index + 1 < units.count, !SegmenterEngine.isSpace(units[index + 1]) {
                    stack.append((0x27, index))
                } else if stack.contains(where: { $0.mark == 0x27 }) {
                    close(0x27, at: index)
                }
            default:
                break
            }
        }
        var delta = [Int](repeating: 0, count: units.count + 2)
        for (open, closing) in pairs {
            delta[open + 1] += 1
            delta[closing + 1] -= 1
        }
        var depths = [Int](repeating: 0, count: units.count + 1)
        var depth = 0
        for index in 0...units.count {
            depth += delta[index]
            depths[index] = depth
        }
        return depths
    }
}
