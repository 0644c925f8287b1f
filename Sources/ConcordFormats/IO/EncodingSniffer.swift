import Foundation

/// What the first bytes of an XML file say about its encoding.
struct EncodingSniff: Equatable {
    /// How code units are laid out in the bytes.
    enum Layout: Equatable {
        /// UTF-8 and the single-byte encodings that share ASCII (windows-1252, ISO 8859).
        case asciiCompatible
        case utf16LittleEndian
        case utf16BigEndian
    }

    var layout: Layout
    var hasBOM: Bool
    /// The `encoding` of the XML declaration, lower-cased, if any.
    var declaredEncoding: String?

    /// True when the declaration says UTF-16 but the bytes are single-byte
    /// (a known memoQ-era fault): libxml2 refuses such a file outright.
    var declaresUTF16ButIsNot: Bool {
        layout == .asciiCompatible && (declaredEncoding?.hasPrefix("utf-16") ?? false || declaredEncoding == "utf16")
    }

    /// Reads the layout from a BOM or the first characters, and the declared encoding.
    init(prefix bytes: [UInt8]) {
        hasBOM = false
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            layout = .asciiCompatible
            hasBOM = true
        } else if bytes.starts(with: [0xFF, 0xFE]) {
            layout = .utf16LittleEndian
            hasBOM = true
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            layout = .utf16BigEndian
            hasBOM = true
        } else if bytes.count >= 2, bytes[0] == 0x3C, bytes[1] == 0x00 {
            layout = .utf16LittleEndian
        } else if bytes.count >= 2, bytes[0] == 0x00, bytes[1] == 0x3C {
            layout = .utf16BigEndian
        } else {
            layout = .asciiCompatible
        }
        declaredEncoding = Self.declaredEncoding(in: bytes, layout: layout)
    }

    private static func declaredEncoding(in bytes: [UInt8], layout: Layout) -> String? {
        // Take every character of the declaration's ASCII range, whatever the layout.
        var ascii: [UInt8] = []
        switch layout {
        case .asciiCompatible:
            ascii = Array(bytes.prefix(200))
        case .utf16LittleEndian, .utf16BigEndian:
            let little = layout == .utf16LittleEndian
            var index = 0
            while index + 1 < min(bytes.count, 400) {
                let unit = little ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8 : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
                if unit < 0x80 { ascii.append(UInt8(unit)) }
                index += 2
            }
        }
        let text = String(decoding: ascii, as: UTF8.self)
        guard let start = text.range(of: "<?xml", options: .literal), let end = text.range(of: "?>", options: .literal, range: start.upperBound..<text.endIndex) else { return nil }
        let declaration = text[start.upperBound..<end.lowerBound]
        guard let key = declaration.range(of: "encoding", options: .literal) else { return nil }
        let rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let value = rest.dropFirst().prefix { $0 != quote }
        return value.lowercased()
    }
}
