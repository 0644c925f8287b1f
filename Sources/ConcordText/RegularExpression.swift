import CICU

/// An ICU regular expression, compiled once and matched many times.
///
/// ICU's syntax is the one SRX rules use (Java-like). Not thread-safe: use
/// ``copy()`` to get an instance for another thread.
public final class RegularExpression {
    private let handle: OpaquePointer
    /// The pattern as written.
    public let pattern: String
    /// The subject text ICU reads; kept alive here because ICU does not copy it.
    private var subject: UnsafeMutableBufferPointer<UInt16>?

    /// Options for compiling a pattern.
    public struct Options: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        public static let caseInsensitive = Options(rawValue: 2)
        public static let comments = Options(rawValue: 4)
        public static let multiline = Options(rawValue: 8)
        public static let dotAll = Options(rawValue: 32)
        /// `\b` by Unicode word boundaries (UAX #29) instead of the simple definition.
        public static let unicodeWordBoundaries = Options(rawValue: 256)
    }

    /// Compiles `pattern`; throws ``TextError/invalidPattern(pattern:line:offset:name:)`` with the fault's position.
    public init(_ pattern: String, options: Options = []) throws {
        let units = Array(pattern.utf16)
        var status: Int32 = 0
        var line: Int32 = 0
        var offset: Int32 = 0
        let handle = units.withUnsafeBufferPointer {
            cicu_regex_open($0.baseAddress, Int32($0.count), options.rawValue, &line, &offset, &status)
        }
        guard let handle, status <= 0 else {
            if let handle { cicu_regex_close(handle) }
            throw TextError.invalidPattern(pattern: pattern, line: Int(line), offset: Int(offset), name: icuErrorName(status))
        }
        self.handle = handle
        self.pattern = pattern
        try limitTime()
    }

    private init(handle: OpaquePointer, pattern: String) throws {
        self.handle = handle
        self.pattern = pattern
        try limitTime()
    }

    /// ICU's bound on one match, in its steps (roughly milliseconds): a rule with catastrophic
    /// backtracking, `(a+)+$`, fails with ``TextError/timedOut(pattern:)`` instead of running for minutes.
    public static let timeLimit: Int32 = 5000

    private func limitTime() throws {
        var status: Int32 = 0
        cicu_regex_set_time_limit(handle, Self.timeLimit, &status)
        try checkICU(status, "set regular expression time limit")
    }

    private static let timeOutStatus = cicu_regex_time_out_status()

    /// Checks the status of a match operation.
    private func checkMatch(_ status: Int32, _ operation: String) throws {
        if status == Self.timeOutStatus { throw TextError.timedOut(pattern: pattern) }
        try checkICU(status, operation)
    }

    deinit {
        cicu_regex_close(handle)
        subject?.deallocate()
    }

    /// An independent matcher for the same compiled pattern.
    public func copy() throws -> RegularExpression {
        var status: Int32 = 0
        guard let clone = cicu_regex_clone(handle, &status), status <= 0 else {
            throw TextError.icu(operation: "clone regular expression", name: icuErrorName(status))
        }
        return try RegularExpression(handle: clone, pattern: pattern)
    }

    /// Sets the text to match against (UTF-16 offsets are used from here on).
    public func setSubject(_ text: UTF16Text) throws {
        try setSubject(units: text.units)
    }

    /// Sets the text to match against from raw UTF-16 code units.
    public func setSubject(units: [UInt16]) throws {
        subject?.deallocate()
        let buffer = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: max(units.count, 1))
        _ = buffer.initialize(from: units)
        subject = buffer
        var status: Int32 = 0
        cicu_regex_set_text(handle, buffer.baseAddress, Int32(units.count), &status)
        try checkICU(status, "set regular expression text")
    }

    /// Sets the text to match against from memory the caller owns and keeps
    /// unchanged while this matcher uses it (no copy is made).
    public func setSubject(pointer: UnsafePointer<UInt16>, count: Int) throws {
        subject?.deallocate()
        subject = nil
        var status: Int32 = 0
        cicu_regex_set_text(handle, pointer, Int32(count), &status)
        try checkICU(status, "set regular expression text")
    }

    /// Restricts matching to `range` (UTF-16 offsets). With `transparent`, look-behind,
    /// look-ahead and `\b` see the text outside the range; with `anchoring`, `^` and `$`
    /// match at the range's ends.
    public func setRegion(_ range: Range<Int>, transparent: Bool = true, anchoring: Bool = true) throws {
        var status: Int32 = 0
        cicu_regex_set_region(handle, Int32(range.lowerBound), Int32(range.upperBound), transparent ? 1 : 0, anchoring ? 1 : 0, &status)
        try checkICU(status, "set regular expression region")
    }

    /// True when the pattern matches starting exactly at UTF-16 `offset` (need not reach the end).
    public func matches(at offset: Int) throws -> Bool {
        var status: Int32 = 0
        let found = cicu_regex_looking_at(handle, Int32(offset), &status)
        try checkMatch(status, "match regular expression")
        return found == 1
    }

    /// True when the pattern matches the whole current region.
    public func matchesWholeRegion() throws -> Bool {
        var status: Int32 = 0
        let found = cicu_regex_matches(handle, &status)
        try checkMatch(status, "match regular expression")
        return found == 1
    }

    /// The UTF-16 range of the first match at or after `offset`, or nil.
    public func firstMatch(from offset: Int) throws -> Range<Int>? {
        var status: Int32 = 0
        let found = cicu_regex_find(handle, Int32(offset), &status)
        try checkMatch(status, "find regular expression")
        guard found == 1 else { return nil }
        return try range(ofGroup: 0)
    }

    /// The UTF-16 range of the next match after the previous one, or nil.
    public func nextMatch() throws -> Range<Int>? {
        var status: Int32 = 0
        let found = cicu_regex_find(handle, -1, &status)
        try checkMatch(status, "find regular expression")
        guard found == 1 else { return nil }
        return try range(ofGroup: 0)
    }

    /// The UTF-16 range of capture `group` in the last match; nil when it did not take part.
    public func range(ofGroup group: Int) throws -> Range<Int>? {
        var status: Int32 = 0
        let start = cicu_regex_start(handle, Int32(group), &status)
        let end = cicu_regex_end(handle, Int32(group), &status)
        try checkICU(status, "read regular expression group")
        guard start >= 0, end >= start else { return nil }
        return Int(start)..<Int(end)
    }

    /// Every match in `text` as Unicode-scalar ranges.
    public func allMatches(in text: String) throws -> [Range<Int>] {
        let utf16 = UTF16Text(text)
        try setSubject(utf16)
        var result: [Range<Int>] = []
        var next = try firstMatch(from: 0)
        while let match = next {
            result.append(utf16.scalarOffset(ofUTF16: match.lowerBound)..<utf16.scalarOffset(ofUTF16: match.upperBound))
            next = try nextMatch()
        }
        return result
    }
}
