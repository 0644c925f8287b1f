/// Puts the query's numbers into a match's target, as memoQ and Trados do with
/// placeables: a number of the match's source that the query changes is looked
/// for in the target as a whole number, by value (`1,000` is `1 000` there) and
/// by position (the second `12` of the source is the second `12` of the
/// target), and replaced there. A number the target does not have (written in
/// words, or differently: `10.15` → `10 ч. 15 м.`) is not placed, and the match
/// says so instead of showing the old number as adapted.
enum NumberSubstitution {
    /// A number in the target text: its place (Unicode scalar offsets) and its digits.
    struct Found {
        var range: Range<Int>
        var written: String
        var digits: String
        /// The separator between groups of three digits (`1 000`, `1,000`), if any.
        var groupSeparator: Character?
    }

    /// Replaces each changed number in `target`; `changes` are the source's numbers in order,
    /// with the query's value where it differs (`from == to` for numbers left alone, which
    /// count for positions).
    static func adapt(_ target: String, changes: [(from: String, to: String)]) -> (adapted: String, placed: [Bool]) {
        let found = numbers(in: target)
        var used = Set<Int>()
        var replacements: [(range: Range<Int>, text: String)] = []
        var placed: [Bool] = []
        for change in changes {
            // The next number of the target with this value that an earlier source number did not take.
            let match = found.indices.first { !used.contains($0) && found[$0].written == change.from }
                ?? found.indices.first { !used.contains($0) && found[$0].digits == digits(of: change.from) }
            guard let match else {
                placed.append(false)
                continue
            }
            used.insert(match)
            placed.append(true)
            if change.from != change.to {
                replacements.append((found[match].range, written(change.to, like: found[match])))
            }
        }
        var scalars = Array(target.unicodeScalars)
        for replacement in replacements.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            scalars.replaceSubrange(replacement.range, with: replacement.text.unicodeScalars)
        }
        return (String(String.UnicodeScalarView(scalars)), placed)
    }

    /// Whole numbers in `text`: digit runs joined by `.`, `,`, `:` or `/` between digits (as the
    /// match tokenizer keeps them), and by a space before a group of exactly three digits.
    static func numbers(in text: String) -> [Found] {
        let scalars = Array(text.unicodeScalars)
        var result: [Found] = []
        var index = 0
        while index < scalars.count {
            guard isDigit(scalars[index]), index == 0 || !isDigit(scalars[index - 1]) else {
                index += 1
                continue
            }
            let start = index
            var separator: Character?
            var group = 0      // digits since the last separator
            while index < scalars.count {
                if isDigit(scalars[index]) {
                    index += 1
                    group += 1
                } else if index + 1 < scalars.count, ".,:/".unicodeScalars.contains(scalars[index]), isDigit(scalars[index + 1]) {
                    index += 1
                    group = 0
                } else if group <= 3, index + 3 < scalars.count, isGroupSpace(scalars[index]),
                          (1...3).allSatisfy({ isDigit(scalars[index + $0]) }),
                          index + 4 == scalars.count || !isDigit(scalars[index + 4]) {
                    // `1 000`, `12 500`: a space between groups of three (a year before a number is not joined).
                    separator = Character(scalars[index])
                    index += 1
                    group = 0
                } else {
                    break
                }
            }
            let written = String(String.UnicodeScalarView(scalars[start..<index]))
            let groups = written.unicodeScalars.split(separator: ",")
            if separator == nil, groups.count > 1, groups.dropFirst().allSatisfy({ $0.count == 3 }) {
                separator = ","
            }
            result.append(Found(range: start..<index, written: written, digits: digits(of: written), groupSeparator: separator))
        }
        return result
    }

    private static func digits(of text: String) -> String {
        String(text.unicodeScalars.filter(isDigit).map(Character.init))
    }

    /// The query's number written the target's way: grouped with the target's separator.
    private static func written(_ number: String, like found: Found) -> String {
        guard let separator = found.groupSeparator, number.unicodeScalars.allSatisfy({ isDigit($0) || $0 == "," || $0 == " " }) else {
            return number
        }
        let digits = Array(digits(of: number))
        var grouped = ""
        for (position, digit) in digits.enumerated() {
            if position > 0, (digits.count - position) % 3 == 0 { grouped.append(separator) }
            grouped.append(digit)
        }
        return grouped
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.numericType == .decimal }

    private static func isGroupSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\u{00A0}" || scalar == "\u{202F}" || scalar == "\u{2009}"
    }
}
