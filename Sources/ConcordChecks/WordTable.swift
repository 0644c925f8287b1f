/// Words of Latin or Cyrillic letters looked up straight from a text's scalars, case aside, without
/// building a string for every word read (the number reader passes over every word of a memory).
struct WordTable<Value: Sendable>: Sendable {
    private var entries: [UInt64: [(letters: [UInt32], value: Value)]] = [:]
    /// The longest word in the table: longer words are not looked up.
    private(set) var longest = 0

    init(_ words: [String: Value]) {
        for (word, value) in words {
            let letters = word.unicodeScalars.map { Self.lowercased($0.value) }
            entries[Self.key(letters), default: []].append((letters, value))
            longest = max(longest, letters.count)
        }
    }

    func value(of scalars: ArraySlice<Unicode.Scalar>) -> Value? {
        guard !scalars.isEmpty, scalars.count <= longest else { return nil }
        let letters = scalars.map { Self.lowercased($0.value) }
        return entries[Self.key(letters)]?.first { $0.letters == letters }?.value
    }

    /// A–Z and А–Я, Ѐ–Џ lowered; other letters as they are.
    private static func lowercased(_ value: UInt32) -> UInt32 {
        if (0x41...0x5A).contains(value) || (0x410...0x42F).contains(value) { return value + 0x20 }
        if (0x400...0x40F).contains(value) { return value + 0x50 }
        return value
    }

    private static func key(_ letters: [UInt32]) -> UInt64 {
        letters.reduce(0xcbf29ce484222325) { ($0 ^ UInt64($1)) &* 0x100000001b3 }
    }
}
