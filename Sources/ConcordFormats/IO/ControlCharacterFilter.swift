import ConcordModel
import ConcordXML

/// Removes the characters XML 1.0 forbids, raw or as character references
/// (`&#x0C;`, `&#11;`), before libxml2 sees the bytes: real exports carry
/// them (Word and Excel pastes) and libxml2 would stop at the first one.
/// Each removal is reported with its line and column.
final class ControlCharacterFilter: ByteSource {
    private let inner: ByteSource
    private let layout: EncodingSniff.Layout
    private let unitSize: Int
    /// Input not yet passed on (a possibly incomplete character reference at a chunk's end).
    private var carry: [UInt8] = []
    private var input = [UInt8](repeating: 0, count: 1 << 16)
    private var output: [UInt8] = []
    private var outputPosition = 0
    private var finished = false
    private var line = 1
    private var column = 1
    /// What was removed, with positions, in file order.
    private(set) var removals: [(line: Int, column: Int, codePoint: UInt32, asReference: Bool)] = []

    init(_ inner: ByteSource, layout: EncodingSniff.Layout) {
        self.inner = inner
        self.layout = layout
        unitSize = layout == .asciiCompatible ? 1 : 2
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while outputPosition >= output.count {
            if finished { return 0 }
            try refill()
        }
        let count = min(buffer.count, output.count - outputPosition)
        output.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[outputPosition..<outputPosition + count]))
        }
        outputPosition += count
        return count
    }

    private func refill() throws {
        output.removeAll(keepingCapacity: true)
        outputPosition = 0
        let count = try input.withUnsafeMutableBytes { try inner.read(into: $0) }
        var chunk = carry
        carry.removeAll()
        chunk.append(contentsOf: input[0..<count])
        if count == 0 { finished = true }
        filter(chunk, isLast: count == 0)
    }

    @inline(__always)
    private func unit(_ bytes: [UInt8], _ index: Int) -> UInt32 {
        switch layout {
        case .asciiCompatible: return UInt32(bytes[index])
        case .utf16LittleEndian: return UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8
        case .utf16BigEndian: return UInt32(bytes[index]) << 8 | UInt32(bytes[index + 1])
        }
    }

    private func filter(_ bytes: [UInt8], isLast: Bool) {
        output.reserveCapacity(bytes.count)
        let end = bytes.count - bytes.count % unitSize
        var index = 0
        while index < end {
            let value = unit(bytes, index)
            if value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D {
                removals.append((line, column, value, false))
                column += 1
                index += unitSize
                continue
            }
            if value == 0x26 /* & */, index + unitSize < end || !isLast {
                switch characterReference(in: bytes, at: index, end: end, isLast: isLast) {
                case .incomplete:
                    carry = Array(bytes[index...])
                    return
                case let .forbidden(codePoint, length):
                    removals.append((line, column, codePoint, true))
                    index += length * unitSize
                    column += length
                    continue
                case .none:
                    break
                }
            }
            if value == 0x0A {
                line += 1
                column = 1
            } else if !(layout == .asciiCompatible && value & 0xC0 == 0x80) && !(unitSize == 2 && value & 0xFC00 == 0xDC00) {
                column += 1 // count characters, not UTF-8 continuation bytes or trailing surrogates
            }
            output.append(contentsOf: bytes[index..<index + unitSize])
            index += unitSize
        }
        if end < bytes.count { carry.append(contentsOf: bytes[end...]) }
    }

    private enum Reference {
        case none
        case incomplete
        case forbidden(codePoint: UInt32, length: Int)
    }

    /// Looks at `&#...;` starting at `index`; length is in code units.
    private func characterReference(in bytes: [UInt8], at index: Int, end: Int, isLast: Bool) -> Reference {
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
