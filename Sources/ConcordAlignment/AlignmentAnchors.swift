/// What two sentences in different languages can share whatever the languages: numbers
/// (normalised: `1,000` = `1000` = `1 000`), and Latin-script words that stay as they are in
/// a translation (acronyms such as SCO or UN; with `capitalisedWords`, every capitalised
/// Latin word — names — for a pair whose other side is not written in Latin script).
struct AlignmentAnchors: Sendable {
    /// Numbers, digits only (separators removed).
    let numbers: [String]
    /// Latin tokens written with a capital or digit in them (acronyms, names, codes), as written;
    /// and glossary concepts the sentence names (`concept:sco`), whatever language it is in.
    let names: [String]

    var isEmpty: Bool { numbers.isEmpty && names.isEmpty }

    init(_ text: String, capitalisedWords: Bool = false, concepts: [String] = []) {
        var numbers: [String] = []
        var names: [String] = []
        var current = ""
        var digits = ""
        func endNumber() {
            if !digits.isEmpty { numbers.append(digits) }
            digits = ""
        }
        func endWord() {
            let capitals = current.unicodeScalars.filter { $0.value >= 0x41 && $0.value <= 0x5A }.count
            if current.count >= 2, capitals >= 2 || (capitalisedWords && capitals == 1 && current.first!.isUppercase) { names.append(current) }
            current = ""
        }
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if let digit = scalar.properties.numericType == .decimal ? scalar.properties.numericValue.map({ Int($0) }) : nil {
                digits.append(String(digit))
                endWord()
                continue
            }
            // Thousands separators inside a number (1,000 · 1 000 · 1.000) keep it whole.
            if !digits.isEmpty, [",", ".", " ", "\u{A0}", "\u{202F}", "'"].contains(Character(scalar)),
               index + 3 < scalars.count, (1...3).allSatisfy({ scalars[index + $0].properties.numericType == .decimal }),
               index + 4 >= scalars.count || scalars[index + 4].properties.numericType != .decimal {
                continue
            }
            endNumber()
            if scalar.isASCII, scalar.properties.isAlphabetic {
                current.unicodeScalars.append(scalar)
            } else {
                endWord()
            }
        }
        endNumber()
        endWord()
        self.numbers = numbers
        self.names = names + concepts.map { "concept:" + $0 }
    }

    /// How many anchors two blocks share, and how many numbers and acronyms one has that the
    /// other lacks (a name found on one side only says little: a translation may transliterate it).
    static func compare(_ left: [AlignmentAnchors], _ right: [AlignmentAnchors]) -> AnchorOverlap {
        var pool: [String: Int] = [:]
        for anchors in left { for key in anchors.numbers + anchors.names { pool[key, default: 0] += 1 } }
        var shared = 0
        for anchors in right {
            for key in anchors.numbers + anchors.names {
                if let count = pool[key], count > 0 { pool[key] = count - 1; shared += 1 }
            }
        }
        func lacking(_ side: [AlignmentAnchors], in other: [AlignmentAnchors]) -> Int {
            var keys: [String: Int] = [:]
            for anchors in other { for key in anchors.numbers + anchors.names { keys[key, default: 0] += 1 } }
            var count = 0
            for anchors in side {
                for key in anchors.numbers + anchors.names.filter(isAcronym) {
                    if let left = keys[key], left > 0 { keys[key] = left - 1 } else { count += 1 }
                }
            }
            return count
        }
        return AnchorOverlap(shared: shared, unmatched: lacking(left, in: right) + lacking(right, in: left))
    }

    /// Two capitals or more (SCO, UN, OSCE): kept as written in every language. A glossary
    /// concept counts too: a translation that leaves it out is as telling.
    static func isAcronym(_ word: String) -> Bool {
        if word.hasPrefix("concept:") { return true }
        return word.unicodeScalars.filter { $0.value >= 0x41 && $0.value <= 0x5A }.count >= 2
    }
}

/// Anchors two blocks share, and those one has that the other lacks.
struct AnchorOverlap: Sendable {
    var shared: Int
    var unmatched: Int
}
