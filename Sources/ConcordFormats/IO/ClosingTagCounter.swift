import ConcordXML

/// Finds the `</tu>` end tags in raw XML before a line and column: how many
/// units were complete before a fault libxml2 reported there, and the byte
/// offset just after the last of them.
enum ClosingTagCounter {
    static func count(tag: String, in source: ByteSource, layout: EncodingSniff.Layout, before line: Int, column: Int) throws -> (count: Int, endOffset: Int) {
        let pattern = Array("</\(tag)".utf8).map(UInt32.init)
        var matched = 0       // how much of the pattern the last units matched
        var awaitingClose = false
        var found = 0
        var endOffset = 0
        var consumed = 0      // bytes of the file before the current chunk
        var currentLine = 1
        var currentColumn = 1
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var pending: UInt8?   // half a UTF-16 unit
        let unitSize = layout == .asciiCompatible ? 1 : 2
        while true {
            let count = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
            if count == 0 { return (found, endOffset) }
            var index = 0
            var bytes = Array(buffer[0..<count])
            if let half = pending {
                bytes.insert(half, at: 0)
                pending = nil
            }
            while index + unitSize <= bytes.count {
                let value: UInt32
                switch layout {
                case .asciiCompatible: value = UInt32(bytes[index])
                case .utf16LittleEndian: value = UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8
                case .utf16BigEndian: value = UInt32(bytes[index]) << 8 | UInt32(bytes[index + 1])
                }
                index += unitSize
                if currentLine > line || (currentLine == line && currentColumn >= column) { return (found, endOffset) }
                if value == 0x0A {
                    currentLine += 1
                    currentColumn = 1
                } else if !(unitSize == 1 && value & 0xC0 == 0x80) && !(unitSize == 2 && value & 0xFC00 == 0xDC00) {
                    currentColumn += 1
                }
                if awaitingClose {
                    if value == 0x3E { // '>'
                        found += 1
                        awaitingClose = false
                        endOffset = consumed + index - (bytes.count - count)
                    }
                    else if !(value == 0x20 || value == 0x09 || value == 0x0A || value == 0x0D) { awaitingClose = false }
                    continue
                }
                if value == pattern[matched] {
                    matched += 1
                    if matched == pattern.count {
                        awaitingClose = true
                        matched = 0
                    }
                } else {
                    matched = value == pattern[0] ? 1 : 0
                }
            }
            if index < bytes.count { pending = bytes[index] }
            consumed += count
        }
    }
}

/// The first `limit` bytes of a source, then `suffix`: a well-formed prefix of
/// a broken file, closed off.
final class TruncatedByteSource: ByteSource {
    private let inner: ByteSource
    private var remaining: Int
    private var suffix: [UInt8]

    init(_ inner: ByteSource, limit: Int, suffix: [UInt8]) {
        self.inner = inner
        remaining = limit
        self.suffix = suffix
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if remaining > 0 {
            let count = try inner.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<min(buffer.count, remaining)]))
            if count > 0 {
                remaining -= count
                return count
            }
            remaining = 0
        }
        let count = min(buffer.count, suffix.count)
        for index in 0..<count { buffer[index] = suffix[index] }
        suffix.removeFirst(count)
        return count
    }
}
