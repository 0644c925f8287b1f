import ConcordModel
import ConcordXML

/// Removes the characters XML 1.0 forbids, raw or as character references
/// (`&#x0C;`, `&#11;`), before libxml2 sees the bytes: real exports carry
/// them (Word and Excel pastes) and libxml2 would stop at the first one.
/// Each removal is reported with its line and column.
///
/// Bytes are filtered in place in the parser's own buffer; clean stretches
/// are skipped eight bytes at a time, so a clean file costs almost nothing.
final class ControlCharacterFilter: ByteSource {
    private let inner: ByteSource
    private let layout: EncodingSniff.Layout
    private let unitSize: Int
    /// Bytes held back from the previous read: a character reference cut by the chunk end, or half a UTF-16 unit.
    private var carry: [UInt8] = []
    private var finished = false
    /// Filtered bytes not yet handed on are `staging[pendingStart..<pendingEnd]`. The filter works in
    /// its own buffer, not the caller's, so that the carry always goes out before fresh input
    /// whatever size the caller asks for (a caller that reads 4 bytes at a time must not put fresh
    /// bytes between the halves of a reference cut by a chunk end).
    private var staging = [UInt8](repeating: 0, count: 1 << 16)
    private var pendingStart = 0
    private var pendingEnd = 0
    /// Line and column where the next chunk starts.
    private var line = 1
    private var column = 1
    /// What was removed, with positions, in file order: the first ``maximumListed``.
    private(set) var removals: [(line: Int, column: Int, codePoint: UInt32, asReference: Bool)] = []
    /// How many characters were removed in all.
    private(set) var removalCount = 0
    /// Removals listed one by one; the rest are only counted (a file of NUL bytes would
    /// otherwise give a diagnostic per byte: 154 MB of JSON for 1 MB).
    static let maximumListed = 100

    init(_ inner: ByteSource, layout: EncodingSniff.Layout) {
        self.inner = inner
        self.layout = layout
        unitSize = layout == .asciiCompatible ? 1 : 2
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard buffer.count > 0 else { return 0 }
        while pendingStart == pendingEnd {
            guard !finished else { return 0 }
            try refill()
        }
        let count = min(buffer.count, pendingEnd - pendingStart)
        staging.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[pendingStart..<pendingStart + count]))
        }
        pendingStart += count
        return count
    }

    /// Reads the next chunk after the carry and filters it into the pending bytes.
    private func refill() throws {
        let carried = carry.count
        if staging.count < carried * 2 { staging += [UInt8](repeating: 0, count: carried * 2) }
        try staging.withUnsafeMutableBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            for index in 0..<carried { bytes[index] = carry[index] }
            carry.removeAll(keepingCapacity: true)
            let fresh = try inner.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[carried...]))
            let isLast = fresh == 0
            if isLast { finished = true }
            pendingStart = 0
            pendingEnd = filter(UnsafeMutableBufferPointer(rebasing: bytes[0..<carried + fresh]), isLast: isLast)
            // At the end, a dangling half code unit goes on as it is, for libxml2 to judge.
            if isLast {
                for byte in carry {
                    bytes[pendingEnd] = byte
                    pendingEnd += 1
                }
                carry.removeAll()
            }
        }
    }

    /// Filters `bytes` in place; returns how many bytes to hand on. Bytes that
    /// cannot be judged yet are moved to the carry.
    private func filter(_ bytes: UnsafeMutableBufferPointer<UInt8>, isLast: Bool) -> Int {
        let count = bytes.count - bytes.count % unitSize
        var write = 0
        var index = 0
        var newLine = line
        var columnBase = column - 1
        // Characters of the current line before `countedTo`, counted as the scan moves on (linear
        // however many removals; counted before `keep` moves bytes over the range).
        var countedTo = 0
        var counted = 0

        func columnAt(_ position: Int) -> Int {
            counted += characters(bytes, from: countedTo, to: position)
            countedTo = position
            return columnBase + counted + 1
        }
        func remove(_ codePoint: UInt32, at position: Int, asReference: Bool) {
            let column = columnAt(position)
            removalCount += 1
            if removals.count < Self.maximumListed { removals.append((newLine, column, codePoint, asReference)) }
        }
        func keep(_ from: Int, _ to: Int) {
            if write != from {
                for k in from..<to { bytes[write + k - from] = bytes[k] }
            }
            write += to - from
        }

        var spanStart = 0
        while index < count {
            if unitSize == 1 && index + 8 <= count {
                // Skip eight clean bytes at once: none below 0x20, none '&'.
                let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                let low: UInt64 = 0x0101_0101_0101_0101
                let high: UInt64 = 0x8080_8080_8080_8080
                let belowSpace = (word &- low &* 0x20) & ~word & high
                let ampersand = word ^ (low &* 0x26)
                let hasAmpersand = (ampersand &- low) & ~ampersand & high
                let flagged = belowSpace | hasAmpersand
                if flagged == 0 {
                    index += 8
                    continue
                }
                // Straight to the first byte that needs a look (little-endian: the lowest flag).
                index += flagged.trailingZeroBitCount / 8
            }
            let value = unit(bytes, index)
            if value >= 0x20 && value != 0x26 {
                index += unitSize
                continue
            }
            if value == 0x0A {
                newLine += 1
                countedTo = index + unitSize
                counted = 0
                columnBase = 0
                index += unitSize
                continue
            }
            if value == 0x09 || value == 0x0D {
                index += unitSize
                continue
            }
            if value == 0x26 {
                switch characterReference(bytes, at: index, end: count, isLast: isLast) {
                case .none:
                    index += unitSize
                    continue
                case .incomplete:
                    (line, column) = (newLine, columnAt(index))
                    keep(spanStart, index)
                    carry = Array(bytes[index..<bytes.count]) + carry
                    return write
                case let .forbidden(codePoint, length):
                    remove(codePoint, at: index, asReference: true)
                    keep(spanStart, index)
                    index += length * unitSize
                    spanStart = index
                    continue
                }
            }
            // A control character XML forbids.
            remove(value, at: index, asReference: false)
            keep(spanStart, index)
            index += unitSize
            spanStart = index
        }
        (line, column) = (newLine, columnAt(count))
        keep(spanStart, count)
        if count < bytes.count { carry = Array(bytes[count..<bytes.count]) + carry }
        return write
    }

    /// Characters in a byte range: UTF-8 continuation bytes and trailing surrogates belong to the character before.
    private func characters(_ bytes: UnsafeMutableBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        var n = 0
        var k = from
        if unitSize == 1 {
            while k < to {
                if bytes[k] & 0xC0 != 0x80 { n += 1 }
                k += 1
            }
        } else {
            while k + 1 < to {
                if unit(bytes, k) & 0xFC00 != 0xDC00 { n += 1 }
                k += 2
            }
        }
        return n
    }

    @inline(__always)
    private func unit(_ bytes: UnsafeMutableBufferPointer<UInt8>, _ index: Int) -> UInt32 {
        switch layout {
        case .asciiCompatible: return UInt32(bytes[index])
        case .utf16LittleEndian: return UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8
        case .utf16BigEndian: return UInt32(bytes[index]) << 8 | UInt32(bytes[index + 1])
        }
    }

    private enum Reference {
        case none
        case incomplete
        case forbidden(codePoint: UInt32, length: Int)
    }

    /// Looks at `&#...;` starting at `index`; the length is in code units.
    private func characterReference(_ bytes: UnsafeMutableBufferPointer<UInt8>, at index: Int, end: Int, isLast: Bool) -> Reference {
        var position = index + unitSize
        var length = 1
        guard position < end else { return isLast ? .none : .incomplete }
        guard unit(bytes, position) == 0x23 /* # */ else { return .none }
        position += unitSize
        length += 1
        var hex = false
        if position < end, unit(bytes, position) == 0x78 || unit(bytes, position) == 0x58 {
            hex = true
            position += unitSize
            length += 1
        }
        var value: UInt32 = 0
        var digits = 0
        while position < end {
            let current = unit(bytes, position)
            let digit: UInt32?
            switch current {
            case 0x30...0x39: digit = current - 0x30
            case 0x61...0x66 where hex: digit = current - 0x61 + 10
            case 0x41...0x46 where hex: digit = current - 0x41 + 10
            default: digit = nil
            }
            guard let digit else {
                guard current == 0x3B /* ; */, digits > 0 else { return .none }
                length += 1
                return XMLCharacters.isAllowed(value) ? .none : .forbidden(codePoint: value, length: length)
            }
            value = min(value &* (hex ? 16 : 10) &+ digit, 0x110000)
            digits += 1
            length += 1
            position += unitSize
            if digits > 10 { return .none }
        }
        return isLast ? .none : .incomplete
    }
}
