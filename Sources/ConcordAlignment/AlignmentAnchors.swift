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
            if let digit = Self.decimalValue(scalar) {
                digits.append(Character(Unicode.Scalar(UInt8(48 + digit))))
                endWord()
                continue
            }
            // Thousands separators inside a number (1,000 · 1 000 · 1.000) keep it whole.
            if !digits.isEmpty, [",", ".", " ", "\u{A0}", "\u{202F}", "'"].contains(Character(scalar)),
               index + 3 < scalars.count, (1...3).allSatisfy({ Self.decimalValue(scalars[index + $0]) != nil }),
               index + 4 >= scalars.count || Self.decimalValue(scalars[index + 4]) == nil {
                continue
            }
            endNumber()
            if scalar.value < 0x80, (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value) {
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

    /// The value of a decimal digit in any script (0–9, ０–９, ٠–٩), without asking ICU's
    /// tables for the letters of the scripts that have no digits of their own here.
    static func decimalValue(_ scalar: Unicode.Scalar) -> Int? {
        let value = scalar.value
        if value < 0x80 { return (0x30...0x39).contains(value) ? Int(value - 0x30) : nil }
        if (0x0400...0x052F).contains(value) || (0x3000...0x9FFF).contains(value) || (0xAC00...0xD7AF).contains(value) { return nil }
        guard scalar.properties.numericType == .decimal, let number = scalar.properties.numericValue else { return nil }
        return Int(number)
    }

    /// A glossary concept the sentence names.
    static func isConcept(_ name: String) -> Bool { name.hasPrefix("concept:") }

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

    init(shared: Int, unmatched: Int) {
        self.shared = shared
        self.unmatched = unmatched
    }

    /// The overlap of two blocks given as their sentences' numbered anchors (sorted; odd numbers
    /// count when unmatched): merged and compared in one pass.
    init(_ left: [[Int32]], _ right: [[Int32]]) {
        let (leftAll, rightAll) = (left.count == 1 ? left[0] : left.joined().sorted(), right.count == 1 ? right[0] : right.joined().sorted())
        var (i, j, shared, unmatched) = (0, 0, 0, 0)
        while i < leftAll.count, j < rightAll.count {
            if leftAll[i] == rightAll[j] {
                shared += 1; i += 1; j += 1
            } else if leftAll[i] < rightAll[j] {
                unmatched += Int(leftAll[i] & 1); i += 1
            } else {
                unmatched += Int(rightAll[j] & 1); j += 1
            }
        }
        for id in leftAll[i...] { unmatched += Int(id & 1) }
        for id in rightAll[j...] { unmatched += Int(id & 1) }
        self.init(shared: shared, unmatched: unmatched)
    }
}
