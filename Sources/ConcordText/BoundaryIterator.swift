import CICU

/// What kind of boundaries an ICU break iterator finds.
public enum BoundaryKind: Int32, Sendable {
    case character = 0
    case word = 1
    case line = 2
    case sentence = 3
}

/// ICU boundary analysis (UAX #29) over Swift strings, with offsets in Unicode scalars.
///
/// An iterator is not thread-safe: make one per thread. Opening one is costly
/// (ICU loads and clones its rules), so keep it and call ``boundaries(in:)`` repeatedly.
public final class BoundaryIterator {
    private let handle: OpaquePointer
    /// The ICU locale id the iterator was opened with.
    public let locale: String
    public let kind: BoundaryKind

    /// Opens an iterator. For sentences in English, `en@ss=standard` keeps ICU
    /// from breaking after common abbreviations such as "Mr.".
    public init(kind: BoundaryKind, locale: String) throws {
        var status: Int32 = 0
        let handle = cicu_break_open(kind.rawValue, locale, &status)
        guard let handle, status <= 0 else {
            if let handle { cicu_break_close(handle) }
            throw TextError.icu(operation: "break iterator for '\(locale)'", name: icuErrorName(status))
        }
        self.handle = handle
        self.locale = locale
        self.kind = kind
    }

    deinit { cicu_break_close(handle) }

    /// All boundaries in `text` as Unicode-scalar offsets, from 0 to the text's end.
    public func boundaries(in text: String) throws -> [Int] {
        let utf16 = UTF16Text(text)
        return try boundaries(in: utf16).map { utf16.scalarOffset(ofUTF16: $0.offset) }
    }

    /// All boundaries in `text` as UTF-16 offsets with ICU's rule status (word kinds for word breaks).
    public func boundaries(in text: UTF16Text) throws -> [(offset: Int, status: Int32)] {
        var result: [(offset: Int, status: Int32)] = []
        try text.units.withUnsafeBufferPointer { buffer in
            var status: Int32 = 0
            cicu_break_set_text(handle, buffer.baseAddress, Int32(buffer.count), &status)
            try checkICU(status, "set break text")
            result.append((Int(cicu_break_first(handle)), 0))
            while true {
                let next = cicu_break_next(handle)
                if next < 0 { break }
                result.append((Int(next), cicu_break_rule_status(handle)))
            }
            // Leave no pointer to the buffer behind in ICU.
            cicu_break_set_text(handle, nil, 0, &status)
        }
        return result
    }

    /// The sentences of `text` as Unicode-scalar ranges (uses this iterator's boundaries).
    public func segments(in text: String) throws -> [Range<Int>] {
        let points = try boundaries(in: text)
        return zip(points, points.dropFirst()).map { $0..<$1 }
    }
}
