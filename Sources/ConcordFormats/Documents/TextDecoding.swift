import ConcordText

/// The text of a document or query file. A byte-order mark decides (UTF-8,
/// UTF-16, UTF-32); without one, UTF-16 and UTF-32 are recognised by where
/// their NUL bytes fall; `encoding` names any charset ICU converts
/// (windows-1251, KOI8-R, GB18030, Big5 …); anything else must be UTF-8. Bytes
/// that are not valid in the encoding are refused with their offset and line.
public enum TextDecoding {
    public static func decode(_ bytes: [UInt8], fileName: String, encoding: String? = nil) throws -> String {
        if let encoding { return try decode(bytes, fileName: fileName, charset: encoding) }
        if let form = unicodeForm(of: bytes) { return try decode(Array(bytes.dropFirst(form.markLength)), fileName: fileName, charset: form.charset) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let offset = firstInvalidUTF8(bytes)
        throw FormatError.notWellFormed(file: fileName, line: line(at: offset, in: bytes), column: 1,
                                        message: "byte \(offset) is not valid UTF-8; save the file as UTF-8, or name its encoding with --encoding (windows-1251, KOI8-R, GB18030, Big5 …)")
    }

    private static func decode(_ bytes: [UInt8], fileName: String, charset: String) throws -> String {
        do {
            var text = try CharsetDecoder.decode(bytes, charset: charset)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            return text
        } catch .unknownCharset(let name) {
            throw FormatError.unknownEncoding(name: name)
        } catch .invalid(let offset) {
            throw FormatError.notWellFormed(file: fileName, line: line(at: offset, in: bytes), column: 1,
                                            message: "byte \(offset) is not valid \(charset)")
        }
    }

    /// The Unicode form a byte-order mark or the NUL pattern of ASCII characters shows (an ICU
    /// converter name), and the mark's length; nil for anything else (UTF-8 without a mark included).
    public static func unicodeForm(of bytes: [UInt8]) -> UnicodeForm? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return UnicodeForm(charset: "UTF-8", markLength: 3) }
        if bytes.starts(with: [0xFF, 0xFE, 0, 0]) { return UnicodeForm(charset: "UTF-32LE", markLength: 4) }
        if bytes.starts(with: [0, 0, 0xFE, 0xFF]) { return UnicodeForm(charset: "UTF-32BE", markLength: 4) }
        if bytes.starts(with: [0xFF, 0xFE]) { return UnicodeForm(charset: "UTF-16LE", markLength: 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return UnicodeForm(charset: "UTF-16BE", markLength: 2) }
        let head = Array(bytes.prefix(4096))
        guard head.contains(0), head.count >= 4 else { return nil }
        if head[1] == 0, head[2] == 0, head[3] == 0, head[0] != 0 { return UnicodeForm(charset: "UTF-32LE", markLength: 0) }
        if head[0] == 0, head[1] == 0, head[2] == 0, head[3] != 0 { return UnicodeForm(charset: "UTF-32BE", markLength: 0) }
        // ASCII characters put their NUL byte second in UTF-16LE, first in UTF-16BE: try the likelier first.
        var zerosAt = [0, 0]
        for (index, byte) in head.enumerated() where byte == 0 { zerosAt[index % 2] += 1 }
        let order = zerosAt[1] >= zerosAt[0] ? [true, false] : [false, true]
        for littleEndian in order where TextFileBytes.isPlausibleUTF16(head, littleEndian: littleEndian) {
            return UnicodeForm(charset: littleEndian ? "UTF-16LE" : "UTF-16BE", markLength: 0)
        }
        return nil
    }

    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(encoded): offset += encoded.count
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }

    /// The 1-based line of byte `offset` (counting LF bytes: right for the ASCII-compatible charsets).
    private static func line(at offset: Int, in bytes: [UInt8]) -> Int {
        bytes.prefix(offset).reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}

/// A Unicode encoding form recognised from a file's first bytes.
public struct UnicodeForm: Sendable, Equatable {
    /// The ICU converter name (`UTF-16LE`, …).
    public var charset: String
    /// Bytes of the byte-order mark (0 when there is none).
    public var markLength: Int
}
