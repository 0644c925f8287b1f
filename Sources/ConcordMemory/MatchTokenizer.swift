import ConcordModel
import ConcordText

/// Tokenises segments for matching: words, numbers, punctuation marks and
/// inline codes, compared after folding; Chinese and Japanese one token per
/// Han or kana character; numbers (and dates written with digits) and inline
/// codes become typed placeholders (`{NUM}`, `{ph}`), so that a changed number
/// does not lower the fuzzy score but is substituted and reported.
///
/// Not thread-safe (the folder caches): one per thread.
final class MatchTokenizer {
    private let folder: TextFolder
    /// Per BMP scalar, filled as scalars are met: its folding and class when it folds
    /// alone (see ``appendFoldedAlone(_:to:)``); 0 while unknown.
    @exclusivity(unchecked) private var scalarTable = [UInt32](repeating: 0, count: 0x10000)
    @exclusivity(unchecked) private var entries: [UInt32] = []
    @exclusivity(unchecked) private var offsets: [Int] = []
    /// Off in tests, to compare the fast paths with the general one.
    var fastPaths = true

    init() throws {
        folder = try TextFolder()
    }

    func tokens(of segment: Segment) throws -> [MatchToken] {
        var sink = TokenArraySink()
        try appendSegment(segment, to: &sink)
        return sink.tokens
    }

    /// The keys the fuzzy score compares (punctuation marks left out, see
    /// ``MatchToken/isIgnoredByFuzzyScore``): what the index stores. Faster than ``tokens(of:)``,
    /// as the written forms are not made.
    func keys(of segment: Segment) throws -> [String] {
        var keys: [String] = []
        try forEachKey(of: segment) { keys.append(String(decoding: $0, as: UTF8.self)) }
        return keys
    }

    /// Calls `body` with each compared token's key as UTF-8 bytes, in order (what the
    /// store keeps; punctuation marks left out): on the fast paths no string is made at all.
    func forEachKey(of segment: Segment, _ body: (UnsafeBufferPointer<UInt8>) -> Void) throws {
        try withoutActuallyEscaping(body) { body in
            var sink = KeySink(body: body)
            try appendSegment(segment, to: &sink)
        }
    }

    /// Text parts through the text paths; `hi` by its text; other codes as one typed placeholder each.
    private func appendSegment<Sink: TokenSink>(_ segment: Segment, to sink: inout Sink) throws {
        for part in segment.parts {
            switch part {
            case let .text(text): try appendText(text, to: &sink)
            case let .code(code):
                if code.kind == .hi {
                    try appendText(Segment(parts: code.content).plainText, to: &sink)
                } else {
                    var key = "{\(code.kind.rawValue)}"
                    key.withUTF8 { sink.add(.code, key: $0, written: { code.nativeCode }) }
                }
            }
        }
    }

    func tokens(of text: String) throws -> [MatchToken] {
        var sink = TokenArraySink()
        try appendText(text, to: &sink)
        return sink.tokens
    }

    private func appendText<Sink: TokenSink>(_ text: String, to sink: inout Sink) throws {
        if fastPaths {
            if appendASCII(text, to: &sink) { return }
            if try appendFoldedAlone(text, to: &sink) { return }
        }
        var tokens: [MatchToken] = []
        try appendGeneral(text, to: &tokens)
        for token in tokens {
            var key = token.key
            key.withUTF8 { sink.add(token.kind, key: $0, written: { token.written }) }
        }
    }

    /// The general path: the folder over the whole text, Unicode properties per scalar.
    private func appendGeneral(_ text: String, to tokens: inout [MatchToken]) throws {
        let original = Array(text.unicodeScalars)
        let folded = try folder.fold(text)
        let scalars = Array(folded.text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace {
                index += 1
                continue
            }
            if scalar.isASCII && scalar.properties.numericType != nil {
                // Digits with inner separators: 2015, 1,000, 3.5, 12.05.2023.
                var end = index + 1
                while end < scalars.count {
                    if scalars[end].isASCII, scalars[end].properties.numericType != nil { end += 1; continue }
                    if [".", ",", ":", "/"].contains(scalars[end]), end + 1 < scalars.count, scalars[end + 1].isASCII,
                       scalars[end + 1].properties.numericType != nil { end += 2; continue }
                    break
                }
                tokens.append(MatchToken(kind: .number, key: "{NUM}", written: written(original, folded, index..<end)))
                index = end
                continue
            }
            let script = Script(of: scalar)
            if script == .han || script == .kana {
                tokens.append(MatchToken(kind: .word, key: String(scalar), written: written(original, folded, index..<index + 1)))
                index += 1
                continue
            }
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                var end = index + 1
                while end < scalars.count {
                    let next = scalars[end]
                    let nextScript = Script(of: next)
                    if nextScript == .han || nextScript == .kana { break }
                    if next.properties.isAlphabetic || next.properties.numericType != nil
                        || next.properties.generalCategory == .nonspacingMark { end += 1; continue }
                    break
                }
                let key = String(String.UnicodeScalarView(scalars[index..<end]))
                tokens.append(MatchToken(kind: .word, key: key, written: written(original, folded, index..<end)))
                index = end
                continue
            }
            tokens.append(MatchToken(kind: .punctuation, key: String(scalar), written: written(original, folded, index..<index + 1)))
            index += 1
        }
    }

    /// The same tokens for pure ASCII text, straight from the bytes (folding is
    /// then lower-casing and tabs to spaces). False, with nothing added, for other text.
    private func appendASCII<Sink: TokenSink>(_ text: String, to sink: inout Sink) -> Bool {
        var text = text
        return text.withUTF8 { bytes -> Bool in
            for byte in bytes where byte >= 0x80 { return false }
            var index = 0
            let count = bytes.count
            func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
            func isLetter(_ byte: UInt8) -> Bool { (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) }
            func string(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            while index < count {
                let byte = bytes[index]
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C {
                    index += 1
                } else if isDigit(byte) {
                    var end = index + 1
                    while end < count {
                        if isDigit(bytes[end]) { end += 1; continue }
                        if Self.isNumberSeparator(UInt32(bytes[end])), end + 1 < count, isDigit(bytes[end + 1]) { end += 2; continue }
                        break
                    }
                    let start = index
                    Self.numberKey.withUnsafeBufferPointer { key in sink.add(.number, key: key, written: { string(start..<end) }) }
                    index = end
                } else if isLetter(byte) {
                    var end = index + 1
                    while end < count, isLetter(bytes[end]) || isDigit(bytes[end]) { end += 1 }
                    scratch.removeAll(keepingCapacity: true)
                    for letter in bytes[index..<end] { scratch.append(letter >= 0x41 && letter <= 0x5A ? letter + 0x20 : letter) }
                    let start = index
                    scratch.withUnsafeBufferPointer { key in sink.add(.word, key: key, written: { string(start..<end) }) }
                    index = end
                } else {
                    let start = index
                    sink.add(.punctuation, key: UnsafeBufferPointer(rebasing: bytes[index..<index + 1]), written: { string(start..<start + 1) })
                    index += 1
                }
            }
            return true
        }
    }

    /// Key bytes being built (lower-cased or folded), reused from token to token.
    @exclusivity(unchecked) private var scratch: [UInt8] = []
    private static let numberKey = Array("{NUM}".utf8)

    /// `.`, `,`, `:` and `/` between digits keep a number whole (1,000 · 3.5 · 12:30 · 1/2).
    @inline(__always)
    private static func isNumberSeparator(_ value: UInt32) -> Bool {
        value == 0x2E || value == 0x2C || value == 0x3A || value == 0x2F
    }

    @inline(__always)
    private static func continuesWord(_ kind: ScalarClass) -> Bool {
        kind == .word || kind == .asciiDigit || kind == .mark
    }

    private static let known: UInt32 = 1 << 31
    private static let notAlone: UInt32 = 1 << 30

    /// What a folded scalar can do in a token, tested in the general path's order.
    private enum ScalarClass: UInt32 {
        case space = 1, asciiDigit, ideograph, word, mark, other

        init(_ scalar: Unicode.Scalar) {
            let properties = scalar.properties
            if properties.isWhitespace {
                self = .space
            } else if scalar.isASCII && properties.numericType != nil {
                self = .asciiDigit
            } else if Script(of: scalar) == .han || Script(of: scalar) == .kana {
                self = .ideograph
            } else if properties.isAlphabetic || properties.numericType != nil {
                self = .word
            } else if properties.generalCategory == .nonspacingMark {
                self = .mark
            } else {
                self = .other
            }
        }
    }

    private func tableEntry(_ value: UInt32) throws -> UInt32 {
        var entry = Self.known
        if let scalar = Unicode.Scalar(value), let folded = try folder.foldAlone(scalar) {
            entry |= folded.value | (ScalarClass(folded).rawValue << 24)
        } else {
            entry |= Self.notAlone
        }
        return entry
    }

    /// The same tokens as the general path for text whose every scalar folds alone
    /// (Cyrillic, Chinese, accented Latin in composed form …): folding and classes
    /// come from a table instead of the normaliser and Unicode properties. False,
    /// with nothing appended, for other text.
    private func appendFoldedAlone<Sink: TokenSink>(_ text: String, to sink: inout Sink) throws -> Bool {
        // Work on local copies of the buffers (no exclusivity checks in the loop); put them back after.
        var table: [UInt32] = [], entries: [UInt32] = [], offsets: [Int] = []
        swap(&table, &scalarTable)
        swap(&entries, &self.entries)
        swap(&offsets, &self.offsets)
        defer {
            swap(&table, &scalarTable)
            swap(&entries, &self.entries)
            swap(&offsets, &self.offsets)
        }
        entries.removeAll(keepingCapacity: true)
        offsets.removeAll(keepingCapacity: true)
        var offset = 0
        for scalar in text.unicodeScalars {
            guard scalar.value < 0x10000 else { return false }
            var entry = table[Int(scalar.value)]
            if entry == 0 {
                entry = try tableEntry(scalar.value)
                table[Int(scalar.value)] = entry
            }
            if entry & Self.notAlone != 0 { return false }
            entries.append(entry)
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        return appendTokens(text, entries: entries, offsets: offsets, to: &sink)
    }

    /// The token loop of ``appendFoldedAlone(_:to:)`` over the scalars' table entries.
    private func appendTokens<Sink: TokenSink>(_ text: String, entries: [UInt32], offsets: [Int], to sink: inout Sink) -> Bool {
        func kind(_ index: Int) -> ScalarClass { ScalarClass(rawValue: (entries[index] >> 24) & 7)! }
        func value(_ index: Int) -> UInt32 { entries[index] & 0x1F_FFFF }
        var text = text
        text.withUTF8 { bytes in
            func written(_ range: Range<Int>) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[offsets[range.lowerBound]..<offsets[range.upperBound]]), as: UTF8.self)
            }
            /// Adds the token over `range`, its key the folded scalars.
            func add(_ tokenKind: MatchToken.Kind, _ range: Range<Int>) {
                // `scratch` is a property with unchecked exclusivity: a captured local var would be checked on every byte.
                scratch.removeAll(keepingCapacity: true)
                for index in range {
                    UTF8.encode(Unicode.Scalar(value(index))!) { scratch.append($0) }
                }
                scratch.withUnsafeBufferPointer { sink.add(tokenKind, key: $0, written: { written(range) }) }
            }
            var index = 0
            let count = entries.count
            while index < count {
                switch kind(index) {
                case .space:
                    index += 1
                case .asciiDigit:
                    var end = index + 1
                    while end < count {
                        if kind(end) == .asciiDigit { end += 1; continue }
                        if Self.isNumberSeparator(value(end)), end + 1 < count, kind(end + 1) == .asciiDigit { end += 2; continue }
                        break
                    }
                    let range = index..<end
                    Self.numberKey.withUnsafeBufferPointer { sink.add(.number, key: $0, written: { written(range) }) }
                    index = end
                case .ideograph:
                    add(.word, index..<index + 1)
                    index += 1
                case .word:
                    var end = index + 1
                    while end < count, Self.continuesWord(kind(end)) { end += 1 }
                    add(.word, index..<end)
                    index = end
                case .mark, .other:
                    add(.punctuation, index..<index + 1)
                    index += 1
                }
            }
        }
        return true
    }

    private func written(_ original: [Unicode.Scalar], _ folded: FoldedText, _ range: Range<Int>) -> String {
        let source = folded.originalRange(of: range).clamped(to: 0..<original.count)
        return String(String.UnicodeScalarView(original[source]))
    }
}

/// Where the tokenizer's fast paths put tokens: `written` is asked for only by sinks that keep it.
private protocol TokenSink {
    mutating func add(_ kind: MatchToken.Kind, key: UnsafeBufferPointer<UInt8>, written: () -> String)
}

/// Tokens with their keys and written forms, for matching and explanations.
private struct TokenArraySink: TokenSink {
    var tokens: [MatchToken] = []

    mutating func add(_ kind: MatchToken.Kind, key: UnsafeBufferPointer<UInt8>, written: () -> String) {
        tokens.append(MatchToken(kind: kind, key: String(decoding: key, as: UTF8.self), written: written()))
    }
}

/// Keys only, handed straight to a closure.
private struct KeySink: TokenSink {
    let body: (UnsafeBufferPointer<UInt8>) -> Void

    func add(_ kind: MatchToken.Kind, key: UnsafeBufferPointer<UInt8>, written: () -> String) {
        if kind == .punctuation, MatchToken.isPunctuationKey(key) { return }
        body(key)
    }
}
