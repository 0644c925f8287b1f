/// Finds where quotations and brackets are open, for keeping a quotation in one segment.
enum QuotationScanner {
    /// depth[i] > 0 when position i (UTF-16) lies inside a quotation or bracket.
    static func depths(_ units: [UInt16]) -> [Int] {
        var depths = [Int](repeating: 0, count: units.count + 1)
        var stack: [UInt16] = []
        func isLetter(_ index: Int) -> Bool {
            guard index >= 0, index < units.count, let scalar = Unicode.Scalar(UInt32(units[index])) else { return false }
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
        func isOpeningContext(_ index: Int) -> Bool {
            index == 0 || Segmenter.isSpace(units[index - 1]) || [0x28, 0x5B, 0x201C, 0xAB, 0x2014, 0x2013].contains(units[index - 1])
        }
        for (index, unit) in units.enumerated() {
            depths[index] = stack.count
            switch unit {
            case 0x201C, 0xAB, 0x300C, 0x300E, 0x201E, 0x28, 0xFF08, 0x5B: // “ « 「 『 „ ( （ [
                stack.append(unit)
            case 0x201D, 0xBB, 0x300D, 0x300F, 0x29, 0xFF09, 0x5D: // ” » 」 』 ) ） ]
                if !stack.isEmpty { stack.removeLast() }
            case 0x22: // " opens or closes
                if stack.last == 0x22 { stack.removeLast() } else { stack.append(unit) }
            case 0x27, 0x2018, 0x2019: // ' ‘ ’: quotation marks unless they sit between letters (apostrophes)
                if isLetter(index - 1) && isLetter(index + 1) { break }
                if unit != 0x2019, isOpeningContext(index), index + 1 < units.count, !Segmenter.isSpace(units[index + 1]) {
                    stack.append(0x27)
                } else if stack.last == 0x27 {
                    stack.removeLast()
                }
            default:
                break
            }
        }
        depths[units.count] = stack.count
        // A quotation never closed does not hold the rest of the text hostage.
        if !stack.isEmpty { return [Int](repeating: 0, count: units.count + 1) }
        return depths
    }
}
