/// The numbers a sentence states, as values both languages agree on: digits with their group
/// and decimal separators dropped (`1,000` = `1000` = `1 000` = `1.000`; `2.5` = `2,5`), full-width
/// and Arabic-Indic digits, Chinese numerals (`八` = 8, `十二` = 12, `5万` = 50000), Roman numerals of
/// two letters or more (`VIII` = 8, as a Russian release numbers a conference), ordinals (`8th`)
/// and the number words of one to ten in English and Russian (those four kinds weakly: see ``Found/strong``).
enum NumberReader {
    struct Found: Equatable {
        var value: String
        var range: Range<Int>
        /// Written in digits: it must be found on the other side. Words, Roman and Chinese numerals
        /// only answer for a number there (`one of the`, `CD`, `十分` are often no number at all).
        var strong: Bool
    }

    static func numbers(in text: String) -> [Found] {
        let scalars = Array(text.unicodeScalars)
        var found: [Found] = []
        var index = 0
        while index < scalars.count {
            if decimal(scalars[index]) != nil {
                let (numbers, end) = number(at: index, in: scalars)
                found += numbers
                index = end
            } else if chineseValue(scalars[index]) != nil {
                let start = index
                while index < scalars.count, chineseValue(scalars[index]) != nil { index += 1 }
                if let value = chineseNumber(Array(scalars[start..<index])) { found.append(Found(value: String(value), range: start..<index, strong: false)) }
            } else if isLetter(scalars[index]) {
                let start = index
                while index < scalars.count, isLetter(scalars[index]) { index += 1 }
                // Number words, months and Roman numerals are two to nine letters long.
                if index - start >= 2, mayStartNumberWord(scalars[start]), let value = wordValue(scalars[start..<index]) {
                    found.append(Found(value: value, range: start..<index, strong: false))
                }
            } else {
                index += 1
            }
        }
        return found
    }

    /// The number (or the hour and minute of a time) that starts at `start`, and where it ends.
    private static func number(at start: Int, in scalars: [Unicode.Scalar]) -> ([Found], Int) {
        var index = start
        var integer = "", fraction = ""
        func digits(from position: Int) -> (String, Int) {
            var text = "", position = position
            while position < scalars.count, let digit = decimal(scalars[position]) { text.append(String(digit)); position += 1 }
            return (text, position)
        }
        (integer, index) = digits(from: index)
        // Groups of three after a separator belong to the number (1,000 · 1 000 · 1.000 · 1'000).
        while index + 1 < scalars.count, [",", ".", " ", "\u{A0}", "\u{202F}", "'", "\u{2009}"].contains(scalars[index]),
              decimal(scalars[index + 1]) != nil, groupFollows(scalars, index + 1),
              // 2.639亿 and 1.500 million are fractions before a scale word.
              !((scalars[index] == "." || scalars[index] == ",") && scale(scalars, from: index + 4) != nil) {
            let (group, end) = digits(from: index + 1)
            integer += group
            index = end
        }
        // A time: 10.15 a.m., 15:30 — its hour and its minutes.
        if index + 2 < scalars.count, scalars[index] == ":" || scalars[index] == ".", integer.count <= 2,
           let _ = decimal(scalars[index + 1]), let _ = decimal(scalars[index + 2]),
           index + 3 >= scalars.count || decimal(scalars[index + 3]) == nil,
           scalars[index] == ":" || meridiem(scalars, from: index + 3) != nil {
            let (minutes, end) = digits(from: index + 1)
            let hour = adjusted(Int(integer) ?? 0, meridiem(scalars, from: end))
            return ([Found(value: String(hour), range: start..<index, strong: true),
                     Found(value: trimmedZeros(minutes), range: index + 1..<end, strong: Int(minutes) != 0)], end)
        }
        // A time written as the military write it: 1855 hours, at 0940.
        if integer.count == 4, let hour = Int(integer.prefix(2)), let minute = Int(integer.suffix(2)), hour < 24, minute < 60,
           followedBy(["hours", "hrs", "h"], scalars, from: index) || precededBy(["at"], scalars, before: start) {
            return ([Found(value: String(hour), range: start..<start + 2, strong: true),
                     Found(value: String(minute), range: start + 2..<index, strong: minute != 0)], index)
        }
        // A decimal fraction: 2.5 = 2,5 (10.00 = 10).
        if index + 1 < scalars.count, scalars[index] == "." || scalars[index] == ",", decimal(scalars[index + 1]) != nil {
            (fraction, index) = digits(from: index + 1)
            while fraction.hasSuffix("0") { fraction.removeLast() }
        }
        var value = trimmedZeros(integer) + (fraction.isEmpty ? "" : "." + fraction)
        // 5万 = 50000, 2.639亿 = 263.9 million = 263,9 млн = 263900000.
        if let (power, length) = scale(scalars, from: index) {
            value = scaled(integer, fraction, power: power)
            index += length
        }
        // 3 p.m. is 15 h, and so is 下午3时.
        if fraction.isEmpty, let hour = Int(integer), hour <= 12 {
            if let pm = meridiem(scalars, from: index) { value = String(adjusted(hour, pm)) }
            else if hour < 12, start >= 2, ["下午", "晚上"].contains(String(String.UnicodeScalarView(scalars[(start - 2)..<start]))) { value = String(hour + 12) }
        }
        // Zero, and a list number that opens a segment (8. …, 2) …), say little: weak.
        let listNumber = start == 0 && index + 1 < scalars.count && (scalars[index] == "." || scalars[index] == ")") && scalars[index + 1] == " "
        // 1 is often an article in the other language (a bomb, 1枚炸弹).
        return ([Found(value: value, range: start..<index, strong: value != "0" && value != "1" && !listNumber)], index)
    }

    private static func word(_ scalars: [Unicode.Scalar], from start: Int) -> String {
        var index = start
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\u{A0}" { index += 1 }
        var end = index
        while end < scalars.count, scalars[end].properties.isAlphabetic { end += 1 }
        return String(String.UnicodeScalarView(scalars[index..<end])).lowercased()
    }

    private static func followedBy(_ words: Set<String>, _ scalars: [Unicode.Scalar], from start: Int) -> Bool {
        start < scalars.count && scalars[start] == " " && words.contains(word(scalars, from: start))
    }

    private static func precededBy(_ words: Set<String>, _ scalars: [Unicode.Scalar], before end: Int) -> Bool {
        var index = end - 1
        while index >= 0, scalars[index] == " " { index -= 1 }
        let last = index + 1
        while index >= 0, scalars[index].properties.isAlphabetic { index -= 1 }
        return last > index + 1 && words.contains(String(String.UnicodeScalarView(scalars[(index + 1)..<last])).lowercased())
    }

    /// A scale word after the number (万, 亿, million, billion, тыс., млн, млрд): its power of ten and length.
    private static func scale(_ scalars: [Unicode.Scalar], from start: Int) -> (Int, Int)? {
        guard start < scalars.count else { return nil }
        switch scalars[start] {
        case "万", "萬": return (4, 1)
        case "亿", "億": return (8, 1)
        default: break
        }
        var index = start
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\u{A0}" { index += 1 }
        var end = index
        while end < scalars.count, scalars[end].properties.isAlphabetic { end += 1 }
        guard let power = scaleWords.value(of: scalars[index..<end]) else { return nil }
        return (power, end - start)
    }

    private static let scaleWords = WordTable([
        "thousand": 3, "million": 6, "millions": 6, "billion": 9, "billions": 9, "тыс": 3, "тысяч": 3, "тысячи": 3,
        "млн": 6, "миллиона": 6, "миллионов": 6, "миллион": 6, "млрд": 9, "миллиарда": 9, "миллиардов": 9, "миллиард": 9,
    ])

    /// integer.fraction × 10^power, as digits.
    private static func scaled(_ integer: String, _ fraction: String, power: Int) -> String {
        let digits = integer + fraction
        let shift = power - fraction.count
        if shift >= 0 { return trimmedZeros(digits + String(repeating: "0", count: shift)) }
        let cut = digits.index(digits.endIndex, offsetBy: shift)
        let tail = digits[cut...].drop { $0 == "0" }.isEmpty ? "" : "." + digits[cut...]
        return trimmedZeros(String(digits[..<cut])) + tail
    }

    /// "a.m." or "p.m." (or am, pm) after optional spaces: true for p.m.
    private static func meridiem(_ scalars: [Unicode.Scalar], from start: Int) -> Bool? {
        var index = start
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\u{A0}" { index += 1 }
        guard index + 1 < scalars.count, scalars[index + 1] == "." || scalars[index + 1] == "m" || scalars[index + 1] == "M" else { return nil }
        switch scalars[index] {
        case "a", "A": return scalars[index + 1] == "." ? (index + 2 < scalars.count && (scalars[index + 2] == "m" || scalars[index + 2] == "M") ? false : nil) : false
        case "p", "P": return scalars[index + 1] == "." ? (index + 2 < scalars.count && (scalars[index + 2] == "m" || scalars[index + 2] == "M") ? true : nil) : true
        default: return nil
        }
    }

    private static func adjusted(_ hour: Int, _ pm: Bool?) -> Int { pm == true && hour < 12 ? hour + 12 : hour }

    /// After a separator, only a group of exactly three digits continues a number (1 000, not "in 2019 24").
    private static func groupFollows(_ scalars: [Unicode.Scalar], _ start: Int) -> Bool {
        var count = 0
        var index = start
        while index < scalars.count, decimal(scalars[index]) != nil { count += 1; index += 1 }
        return count == 3
    }

    private static func trimmedZeros(_ digits: String) -> String {
        let trimmed = digits.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }

    static func decimal(_ scalar: Unicode.Scalar) -> Int? {
        if (0x30...0x39).contains(scalar.value) { return Int(scalar.value - 0x30) }
        if scalar.value < 0x80 || (0x0400...0x052F).contains(scalar.value) || (0x3000...0x9FFF).contains(scalar.value) { return nil }
        guard scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue else { return nil }
        return Int(value)
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value) }
        return (0x0400...0x04FF).contains(scalar.value) || (0x00C0...0x024F).contains(scalar.value)
    }

    // MARK: Chinese numerals

    private static let chineseDigits: [Character: Int] = ["零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
    private static let chineseUnits: [Character: Int] = ["十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000]

    private static func chineseValue(_ scalar: Unicode.Scalar) -> Int? {
        guard scalar.value >= 0x3007 else { return nil }       // 〇, the first of them: most text stops here
        return chineseDigits[Character(scalar)] ?? chineseUnits[Character(scalar)]
    }

    /// 十二 = 12, 二十 = 20, 一百零五 = 105, 三千万 = 30000000; a lone 一 in a word (一些, 统一) is no number.
    private static func chineseNumber(_ scalars: [Unicode.Scalar]) -> Int? {
        let characters = scalars.map(Character.init)
        if characters.count == 1, characters[0] == "一" || characters[0] == "两" || characters[0] == "万" || characters[0] == "亿" { return nil }
        var total = 0, section = 0, digit = 0
        for character in characters {
            if let value = chineseDigits[character] {
                digit = value
            } else if let unit = chineseUnits[character] {
                if unit >= 10_000 {
                    total += (section + digit) * unit
                    section = 0
                } else {
                    section += (digit == 0 ? 1 : digit) * unit
                }
                digit = 0
            }
        }
        return total + section + digit
    }

    // MARK: Words

    /// Number words, ordinals and month names (weak numbers).
    private static let words: [String: String] = [
        "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10",
        "first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5",
        // Months answer for the numbers other languages write them with (24 April = 4月24日).
        "january": "1", "february": "2", "march": "3", "april": "4", "may": "5", "june": "6", "july": "7", "august": "8",
        "september": "9", "october": "10", "november": "11", "december": "12",
        "января": "1", "февраля": "2", "марта": "3", "апреля": "4", "мая": "5", "июня": "6", "июля": "7", "августа": "8",
        "сентября": "9", "октября": "10", "ноября": "11", "декабря": "12",
        "январь": "1", "февраль": "2", "март": "3", "апрель": "4", "май": "5", "июнь": "6", "июль": "7", "август": "8",
        "сентябрь": "9", "октябрь": "10", "ноябрь": "11", "декабрь": "12",
    ]
    /// Russian number words as they are inflected (exact forms: семь, not семья).
    private static let russianWords: [String: String] = Dictionary(uniqueKeysWithValues: [
        ("2", ["два", "две", "двух", "двум", "двумя"]), ("3", ["три", "трех", "трёх", "трем", "трём", "тремя"]),
        ("4", ["четыре", "четырех", "четырёх", "четырем", "четырём", "четырьмя"]), ("5", ["пять", "пяти", "пятью"]),
        ("6", ["шесть", "шести", "шестью"]), ("7", ["семь", "семи"]), ("8", ["восемь", "восьми", "восемью"]),
        ("9", ["девять", "девяти", "девятью"]), ("10", ["десять", "десяти", "десятью"]),
    ].flatMap { value, forms in forms.map { ($0, value) } })
    private static let roman: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000]

    /// Whether a word starting with `scalar` can be a number word, a month or a Roman numeral:
    /// one bit per first letter (Latin and Russian), so most words are passed over unread.
    private static func mayStartNumberWord(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value >= 0x41 && value <= 0x5A { return firstLetters.latin & (1 << (value - 0x41)) != 0 || romanLetters.contains(scalar) }
        if value >= 0x61 && value <= 0x7A { return firstLetters.latin & (1 << (value - 0x61)) != 0 }
        if value >= 0x410 && value <= 0x42F { return firstLetters.cyrillic & (1 << (value - 0x410)) != 0 }
        if value >= 0x430 && value <= 0x44F { return firstLetters.cyrillic & (1 << (value - 0x430)) != 0 }
        return value == 0x401 || value == 0x451
    }

    private static let firstLetters = firstLetterMasks(Array(words.keys) + Array(russianWords.keys))

    /// The first letters of `words` as bit sets (a–z, а–я).
    private static func firstLetterMasks(_ words: [String]) -> (latin: UInt32, cyrillic: UInt32) {
        var latin: UInt32 = 0, cyrillic: UInt32 = 0
        for word in words {
            guard let first = word.unicodeScalars.first?.value else { continue }
            if first >= 0x61 && first <= 0x7A { latin |= 1 << (first - 0x61) }
            if first >= 0x430 && first <= 0x44F { cyrillic |= 1 << (first - 0x430) }
        }
        return (latin, cyrillic)
    }

    private static func wordValue(_ letters: ArraySlice<Unicode.Scalar>) -> String? {
        if letters.count >= 2, letters.allSatisfy({ romanLetters.contains($0) }), let value = romanValue(String(String.UnicodeScalarView(letters))) {
            return String(value)
        }
        return numberWords.value(of: letters)
    }

    private static let romanLetters = "IVXLCDM".unicodeScalars
    private static let numberWords = WordTable(words.merging(russianWords) { first, _ in first })

    private static func romanValue(_ word: String) -> Int? {
        let values = word.compactMap { roman[$0] }
        var total = 0
        for (index, value) in values.enumerated() {
            total += index + 1 < values.count && value < values[index + 1] ? -value : value
        }
        // Only canonical numerals (MIX would be 1009 but is a word).
        return total > 0 && total < 4000 && toRoman(total) == word ? total : nil
    }

    private static func toRoman(_ number: Int) -> String {
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
                                      (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = number, result = ""
        for (value, letters) in table { while rest >= value { result += letters; rest -= value } }
        return result
    }
}

