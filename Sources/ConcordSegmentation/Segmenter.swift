import ConcordModel
import ConcordText

/// Splits text into sentences: ICU's UAX #29 boundaries propose, SRX rules
/// dispose. At every position ICU proposes, and after every run of sentence
/// punctuation, the language's rules are tried in order; the first rule whose
/// `before` matches the text up to the position and whose `after` matches the
/// text from it decides. Where no rule matches, ICU's answer stands. Line
/// breaks inside the text always end a sentence.
///
/// Positions and ranges are Unicode-scalar offsets into the text given.
/// Built once and shared between tasks: each call borrows an engine of its own
/// (ICU iterators and matchers are not thread-safe).
public final class Segmenter: Sendable {
    public let language: LanguageTag
    public let quotations: QuotationPolicy
    private let engines: ScratchPool<SegmenterEngine>

    /// A segmenter for `language` with `ruleSet` (SRX semantics).
    public init(ruleSet: SegmentationRuleSet, language: LanguageTag, quotations: QuotationPolicy = .split) throws {
        self.language = language
        self.quotations = quotations
        let first = try SegmenterEngine(ruleSet: ruleSet, language: language, quotations: quotations)
        engines = ScratchPool(first: first) { try SegmenterEngine(ruleSet: ruleSet, language: language, quotations: quotations) }
    }

    /// The sentences of `text` as trimmed, non-empty scalar ranges. With
    /// `lineBreaksEndSentences` false (hard-wrapped prose), a line break is
    /// only a space.
    public func sentences(in text: String, lineBreaksEndSentences: Bool = true) throws -> [Range<Int>] {
        try split(text, lineBreaksEndSentences: lineBreaksEndSentences).map(\.range)
    }

    /// The sentences of `text` with their scalar ranges and their text.
    public func split(_ text: String, lineBreaksEndSentences: Bool = true) throws -> [SentenceSpan] {
        try engines.withWorker { engine in
            try engine.split(text, lineBreaksEndSentences: lineBreaksEndSentences).map { SentenceSpan(range: $0.range, text: $0.text) }
        }
    }
}

/// A sentence found by ``Segmenter``: where it is (Unicode scalars) and its text.
public struct SentenceSpan: Sendable, Equatable {
    public var range: Range<Int>
    public var text: String
}

/// The segmenter's working parts for one call at a time: compiled rules, ICU's
/// sentence iterator and the shared subject text.
final class SegmenterEngine {
    let language: LanguageTag
    let quotations: QuotationPolicy
    private let rules: [CompiledRule]
    private let boundaries: BoundaryIterator
    private let subject = SharedSubject()

    /// How far back a `before` pattern may look, in UTF-16 units.
    private let window = 120
    private let extraBreakPatterns: [RegularExpression]

    init(ruleSet: SegmentationRuleSet, language: LanguageTag, quotations: QuotationPolicy) throws {
        self.language = language
        self.quotations = quotations
        let applicable = try Self.rules(in: ruleSet, for: language)
        var compiled: [CompiledRule] = []
        for (name, index, rule) in applicable {
            compiled.append(try CompiledRule(rule, ruleSet: name, index: index))
        }
        rules = compiled
        extraBreakPatterns = try [
            #"(?<=[\p{L}\p{N})\]])[.?!](?:\[\d{1,3}\])+(?=\s+[\p{Lu}\p{N}])"#,
            #"(?<=[\p{Ll})])[.?!]\d{1,3}(?:\s\d{1,3})*(?=\s+\p{Lu})"#,
            #"--["”](?=\s+\p{Lu})"#,
        ].map { try RegularExpression($0) }
        do {
            boundaries = try BoundaryIterator(kind: .sentence, locale: ConcordTextInfo.sentenceLocale(for: language.canonical))
        } catch {
            throw SegmentationError.icu(String(describing: error))
        }
    }

    /// The rules that apply to `language`, in order, with their rule-set name and position.
    static func rules(in ruleSet: SegmentationRuleSet, for language: LanguageTag) throws -> [(String, Int, SegmentationRule)] {
        var result: [(String, Int, SegmentationRule)] = []
        let code = language.canonical
        for map in ruleSet.languageMaps {
            let pattern: RegularExpression
            do {
                pattern = try RegularExpression("(?:\(map.pattern))", options: .caseInsensitive)
            } catch {
                throw SegmentationError.invalidRule(ruleSet: "languagemap", rule: 0, side: "language", pattern: map.pattern, message: String(describing: error))
            }
            try pattern.setSubject(UTF16Text(code))
            try pattern.setRegion(0..<code.utf16.count, transparent: false)
            guard (try? pattern.matchesWholeRegion()) == true else { continue }
            guard let languageRule = ruleSet.languageRules.first(where: { $0.name == map.ruleName }) else {
                throw SegmentationError.unknownLanguageRule(name: map.ruleName)
            }
            for (index, rule) in languageRule.rules.enumerated() { result.append((languageRule.name, index + 1, rule)) }
            if !ruleSet.cascade { break }
        }
        return result
    }

    /// The sentences of `text` with their scalar ranges and their text.
    func split(_ text: String, lineBreaksEndSentences: Bool) throws -> [(range: Range<Int>, text: String)] {
        var text = text
        return try text.withUTF8 { bytes in
            let converted = UTF8ToUTF16(bytes)
            return try split(utf8: bytes, converted: converted, lineBreaksEndSentences: lineBreaksEndSentences)
        }
    }

    /// Tries `rule` at `position`; a rule that runs out of time is reported with where it did.
    private func matches(_ rule: CompiledRule, at position: Int, in text: UTF16Text) throws -> Bool {
        do {
            return try rule.matches(at: position, windowStart: max(0, position - window))
        } catch TextError.timedOut {
            let start = max(0, position - 30)
            let context = String(decoding: text.units[start..<position], as: UTF16.self)
            let sides = "before \(rule.rule.before.debugDescription), after \(rule.rule.after.debugDescription)"
            throw SegmentationError.ruleTimedOut(ruleSet: rule.ruleSet, rule: rule.index, pattern: sides,
                                                 offset: text.scalarOffset(ofUTF16: position), context: context)
        }
    }

    private func split(utf8 bytes: UnsafeBufferPointer<UInt8>, converted: UTF8ToUTF16,
                       lineBreaksEndSentences: Bool) throws -> [(range: Range<Int>, text: String)] {
        let utf16 = UTF16Text(units: converted.units)
        let units = utf16.units
        let utf8Offsets = converted.utf8Offsets
        func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(utf8Offsets[range.lowerBound])..<Int(utf8Offsets[range.upperBound])]), as: UTF8.self)
        }
        guard !units.isEmpty else { return [] }
        if units.count == 1 || (units.count < 4 && !units.contains(where: Self.isTerminal)) {
            return SegmentTrimmer.trim(0..<units.count, in: units).map { [(utf16.scalarOffset(ofUTF16: $0.lowerBound)..<utf16.scalarOffset(ofUTF16: $0.upperBound), string($0))] } ?? []
        }
        subject.set(units)

        var marks = [UInt8](repeating: 0, count: units.count + 1)
        try markICUBoundaries(of: utf16, in: &marks, lineBreaksEndSentences: lineBreaksEndSentences)
        let hints = Self.markPunctuationRuns(in: units, marks: &marks, lineBreaksEndSentences: lineBreaksEndSentences)
        try markExtraBreaks(hints, count: units.count, in: &marks)
        let listItems = Self.markListItems(in: units, marks: &marks)
        let breaks = try decideBreaks(marks, in: utf16, protected: listItems)
        // Cut the sentences out of the original UTF-8 rather than transcode UTF-16 back.
        return Self.pieces(between: breaks, in: units).map { piece in
            (utf16.scalarOffset(ofUTF16: piece.lowerBound)..<utf16.scalarOffset(ofUTF16: piece.upperBound), string(piece))
        }
    }

    /// What a position may be, one byte per position of the paragraph.
    enum Mark {
        /// Rules are tried here.
        static let candidate: UInt8 = 1
        /// ICU proposes a break here (which stands where no rule decides).
        static let proposedByICU: UInt8 = 2
        /// A line break (or a list item) ends the sentence here whatever the rules say.
        static let hard: UInt8 = 4
    }

    /// ICU's proposals, moved back over the white space before them (a break after a line break is hard).
    private func markICUBoundaries(of utf16: UTF16Text, in marks: inout [UInt8], lineBreaksEndSentences: Bool) throws {
        let units = utf16.units
        let proposed: [(offset: Int, status: Int32)]
        do {
            proposed = try boundaries.boundaries(in: utf16)
        } catch {
            throw SegmentationError.icu(String(describing: error))
        }
        for boundary in proposed where boundary.offset > 0 && boundary.offset < units.count {
            var position = boundary.offset
            // `。”“好的` as Chinese is set: ICU ends the sentence after the opening mark; it begins the next one.
            while position > 1, Self.isOpeningQuote(units[position - 1]), Self.isClosing(units[position - 2]) || Self.isTerminal(units[position - 2]) {
                position -= 1
            }
            var hard = false
            while position > 0, Self.isSpace(units[position - 1]) {
                if Self.isLineBreak(units[position - 1]) { hard = true }
                position -= 1
            }
            if position == 0 { continue }
            marks[position] |= Mark.candidate | Mark.proposedByICU
            if hard && lineBreaksEndSentences { marks[position] |= Mark.hard }
        }
    }

    /// After every run of sentence punctuation (and its closing marks), rules may break too;
    /// line breaks end sentences. The same pass notes where the extra break patterns could start.
    private static func markPunctuationRuns(in units: [UInt16], marks: inout [UInt8], lineBreaksEndSentences: Bool) -> ExtraBreakHints {
        var hints = ExtraBreakHints()
        units.withUnsafeBufferPointer { text in
            marks.withUnsafeMutableBufferPointer { marks in
                let count = text.count
                var index = 0
                while index < count {
                    let unit = text[index]
                    // Fast path: letters and most punctuation are neither sentence ends nor line breaks.
                    if unit >= 0x40 && unit < 0x0600 || unit == 0x20 {
                        index += 1
                        continue
                    }
                    guard isTerminal(unit) else {
                        if unit == 0x2D, index + 1 < count, text[index + 1] == 0x2D { hints.doubleHyphen.append(index) }
                        if lineBreaksEndSentences, isLineBreak(unit) {
                            var position = index
                            while position > 0, isSpace(text[position - 1]) { position -= 1 }
                            if position > 0 { marks[position] |= Mark.candidate | Mark.hard }
                        }
                        index += 1
                        continue
                    }
                    if index + 1 < count, unit == 0x2E || unit == 0x3F || unit == 0x21 {
                        let next = text[index + 1]
                        if next == 0x5B { hints.bracketAfterStop.append(index) } else if next >= 0x30 && next <= 0x39 { hints.digitAfterStop.append(index) }
                    }
                    var end = index + 1
                    while end < count, isTerminal(text[end]) || isClosing(text[end]) { end += 1 }
                    // Rules are tried where a sentence could end: before white space, the end,
                    // a capital or CJK text. Inside "3.5" or "A/70/123.b" nothing ends.
                    if end < count, mayFollowSentenceEnd(text[end]) { marks[end] |= Mark.candidate }
                    index = end
                }
            }
        }
        return hints
    }

    /// Patterns ICU does not see as sentence ends: footnote calls after a full stop
    /// ("martyr.[1] The", "consultation.11 12 Take") and a broken-off quotation ("sir--\" The").
    private func markExtraBreaks(_ hints: ExtraBreakHints, count: Int, in marks: inout [UInt8]) throws {
        for (pattern, starts) in zip(extraBreakPatterns, [hints.bracketAfterStop, hints.digitAfterStop, hints.doubleHyphen]) where !starts.isEmpty {
            try pattern.setSubject(pointer: subject.buffer.baseAddress!, count: subject.count)
            for start in starts where try pattern.matches(at: start) {
                if let match = try pattern.range(ofGroup: 0), match.upperBound < count {
                    marks[match.upperBound] |= Mark.candidate | Mark.proposedByICU
                }
            }
        }
    }

    /// List items start segments; their markers stay with them. Returns the ranges inside
    /// markers, where nothing breaks.
    private static func markListItems(in units: [UInt16], marks: inout [UInt8]) -> [Range<Int>] {
        var protected: [Range<Int>] = []
        for marker in ListMarkers.find(in: units) {
            var end = marker.range.upperBound
            while end < units.count, isSpace(units[end]) { end += 1 }
            protected.append(marker.range.lowerBound + 1..<end + 1)
            var position = marker.range.lowerBound
            while position > 0, isSpace(units[position - 1]) { position -= 1 }
            if position > 0 { marks[position] |= Mark.candidate | Mark.hard }
        }
        return protected
    }

    /// Where the paragraph breaks: hard marks always; elsewhere the first rule that matches
    /// decides, else ICU's proposal stands (nothing breaks inside a list marker or, when
    /// quotations are kept, inside a quotation).
    private func decideBreaks(_ marks: [UInt8], in utf16: UTF16Text, protected: [Range<Int>]) throws -> [Int] {
        let units = utf16.units
        let quoteDepth = quotations == .keep ? QuotationScanner.depths(units) : nil
        var breaks: [Int] = []
        for position in 1..<max(1, units.count) where marks[position] != 0 {
            if marks[position] & Mark.hard != 0 {
                breaks.append(position)
                continue
            }
            if protected.contains(where: { $0.contains(position) }) { continue }
            if let quoteDepth, quoteDepth[position] > 0 { continue }
            var decision: Bool?
            let previous = units[position - 1]
            let next = units[position]
            for rule in rules where rule.mayMatch(before: previous, after: next) {
                // Matchers get the paragraph only when a rule is first tried on it.
                try rule.attach(subject)
                if try matches(rule, at: position, in: utf16) {
                    decision = rule.isBreak
                    break
                }
            }
            if decision ?? (marks[position] & Mark.proposedByICU != 0) { breaks.append(position) }
        }
        return breaks
    }

    /// The segments between breaks, without surrounding white space, markup tags or
    /// table-of-contents leaders ("About Me.........5").
    private static func pieces(between breaks: [Int], in units: [UInt16]) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = 0
        for end in breaks + [units.count] where end > start {
            if let piece = SegmentTrimmer.trim(start..<end, in: units) { pieces.append(piece) }
            start = end
        }
        return SegmentTrimmer.droppingPageNumbers(pieces, in: units)
    }

    /// Where the extra break patterns could start (noted during the punctuation scan, so ICU only tries there).
    private struct ExtraBreakHints {
        var bracketAfterStop: [Int] = []
        var digitAfterStop: [Int] = []
        var doubleHyphen: [Int] = []

    }

    static func mayFollowSentenceEnd(_ unit: UInt16) -> Bool {
        if unit < 0x80 {
            return unit == 0x20 || unit == 0x09 || unit == 0x0A || unit == 0x0D || (unit >= 0x41 && unit <= 0x5A)
                || unit == 0x22 || unit == 0x27 || unit == 0x28 || unit == 0x5B || unit == 0x2D || unit == 0x2E
        }
        return true
    }

    static func isSpace(_ unit: UInt16) -> Bool {
        unit == 0x20 || unit == 0x09 || unit == 0x0A || unit == 0x0D || unit == 0xA0 || unit == 0x3000
            || (unit >= 0x2000 && unit <= 0x200B) || unit == 0x202F || unit == 0x205F || unit == 0x2028 || unit == 0x2029 || unit == 0x0B || unit == 0x0C
    }

    static func isLineBreak(_ unit: UInt16) -> Bool {
        unit == 0x0A || unit == 0x0D || unit == 0x2028 || unit == 0x2029 || unit == 0x0B || unit == 0x0C
    }

    /// Sentence-ending punctuation: . ! ? … and their full-width and CJK forms.
    static func isTerminal(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x2E, 0x21, 0x3F, 0x2026, 0x3002, 0xFF01, 0xFF1F, 0xFF0E, 0xFF61, 0x203C, 0x2047, 0x2048, 0x2049, 0x061F, 0x06D4: return true
        default: return false
        }
    }

    /// Closing quotes and brackets that stay with the sentence before them.
    /// Quotation marks and brackets that open (`“ ‘ 「 『 《 〈 （ 【`), where one follows a closing
    /// mark without a space (as in Chinese) and so starts the next sentence.
    static func isOpeningQuote(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x201C, 0x2018, 0x300C, 0x300E, 0x300A, 0x3008, 0xFF08, 0x3010: return true
        default: return false
        }
    }

    static func isClosing(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0xBB, 0x2019, 0x201D, 0x203A, 0x300D, 0x300F, 0x3011, 0x300B, 0x3009, 0xFF09, 0xFF3D, 0xFF63: return true
        default: return false
        }
    }
}

/// The paragraph's UTF-16 units, shared by every rule's matcher (ICU does not copy them).
final class SharedSubject {
    private(set) var buffer = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: 1)
    private(set) var count = 0
    private(set) var generation = 0

    func set(_ units: [UInt16]) {
        if units.count > buffer.count {
            buffer.deallocate()
            buffer = .allocate(capacity: units.count)
        }
        _ = UnsafeMutableBufferPointer(rebasing: buffer[0..<units.count]).initialize(from: units)
        count = units.count
        generation += 1
    }

    deinit { buffer.deallocate() }
}
