/// Delimited text: CSV (RFC 4180) or Concord's TSV (tab-separated, with
/// tab, newline and backslash escaped as `\t`, `\n`, `\\`).
public enum Delimiter: Sendable {
    case comma, tab

    /// The format a path's extension names (`.csv`, `.tsv`, `.tab`, `.txt` as TSV).
    public init?(path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") { self = .comma } else if lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") { self = .tab } else { return nil }
    }
}

/// Writes rows of a delimited table.
public enum DelimitedTableWriter {
    /// One row as a line (with the line ending).
    public static func line(_ fields: [String], delimiter: Delimiter) -> String {
        switch delimiter {
        case .comma:
            return fields.map(csvField).joined(separator: ",") + "\r\n"
        case .tab:
            return fields.map(tsvField).joined(separator: "\t") + "\n"
        }
    }

    private static func csvField(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || field.hasPrefix(" ") || field.hasSuffix(" ") else {
            return field
        }
        return "\"" + field.replacingAll("\"", with: "\"\"") + "\""
    }

    private static func tsvField(_ field: String) -> String {
        var result = ""
        result.reserveCapacity(field.utf8.count)
        for scalar in field.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// Reads a delimited table into rows, with the line and column of every fault.
public struct DelimitedTableReader {
    public let fileName: String
    public let delimiter: Delimiter

    public init(fileName: String, delimiter: Delimiter) {
        self.fileName = fileName
        self.delimiter = delimiter
    }

    /// A row and the line it starts on (1-based).
    public struct Row: Sendable {
        public var fields: [String]
        public var line: Int
    }

    /// All rows of `text` (a UTF-8 BOM is skipped; empty lines are skipped).
    public func rows(in text: String) throws -> [Row] {
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        switch delimiter {
        case .comma: return try csvRows(body)
        case .tab: return try tsvRows(body)
        }
    }

    private func tsvRows(_ text: Substring) throws -> [Row] {
        var rows: [Row] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = rawLine
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.isEmpty { continue }
            var fields: [String] = []
            for (index, raw) in line.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
                fields.append(try unescape(raw, line: lineNumber, field: index))
            }
            rows.append(Row(fields: fields, line: lineNumber))
        }
        return rows
    }

    private func unescape(_ field: Substring, line: Int, field index: Int) throws -> String {
        guard field.contains("\\") else { return String(field) }
        var result = ""
        var escaping = false
        for character in field {
            if escaping {
                switch character {
                case "t": result.append("\t")
                case "n": result.append("\n")
                case "r": result.append("\r")
                case "\\": result.append("\\")
                default:
                    // An unknown escape is kept as written: TSV from other tools has stray backslashes.
                    result.append("\\")
                    result.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        if escaping { result.append("\\") }
        return result
    }

    /// RFC 4180 over the UTF-8 bytes (every delimiter is ASCII), so fields are cut out, not built character by character.
    private func csvRows(_ text: Substring) throws -> [Row] {
        var copy = String(text)
        return try copy.withUTF8 { try csvRows(bytes: $0) }
    }

    private func csvRows(bytes: UnsafeBufferPointer<UInt8>) throws -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var line = 1
        var rowStartLine = 1
        var lineStartByte = 0
        var index = 0
        let count = bytes.count
        func column(_ byte: Int) -> Int {
            var characters = 0
            for position in lineStartByte..<min(byte, count) where bytes[position] & 0xC0 != 0x80 { characters += 1 }
            return characters + 1
        }
        func string(_ from: Int, _ to: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
        }
        while index <= count {
            // One field.
            var field: String
            if index < count, bytes[index] == 0x22 { // "
                let quoteLine = line, quoteColumn = column(index)
                var start = index + 1
                var pieces = ""
                var position = start
                var closed = false
                while position < count {
                    let byte = bytes[position]
                    if byte == 0x22 {
                        if position + 1 < count, bytes[position + 1] == 0x22 {
                            pieces += string(start, position + 1)
                            position += 2
                            start = position
                            continue
                        }
                        pieces += string(start, position)
                        position += 1
                        closed = true
                        break
                    }
                    if byte == 0x0A {
                        line += 1
                        lineStartByte = position + 1
                    }
                    position += 1
                }
                guard closed else {
                    throw FormatError.badTable(file: fileName, line: quoteLine, column: quoteColumn, message: "a quoted field is never closed")
                }
                field = pieces
                index = position
                if index < count, bytes[index] != 0x2C, bytes[index] != 0x0A, bytes[index] != 0x0D {
                    throw FormatError.badTable(file: fileName, line: line, column: column(index),
                                               message: "text after a closing quote; a quoted field must end at the delimiter")
                }
            } else {
                let start = index
                while index < count, bytes[index] != 0x2C, bytes[index] != 0x0A, bytes[index] != 0x0D {
                    if bytes[index] == 0x22 {
                        throw FormatError.badTable(file: fileName, line: line, column: column(index),
                                                   message: "a quote inside an unquoted field; quote the whole field and double the quote (\"\")")
                    }
                    index += 1
                }
                field = string(start, index)
            }
            fields.append(field)
            if index < count, bytes[index] == 0x2C {
                index += 1
                continue
            }
            // End of the row (line break or end of text).
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(fields: fields, line: rowStartLine)) }
            fields = []
            if index >= count { break }
            if bytes[index] == 0x0D, index + 1 < count, bytes[index + 1] == 0x0A { index += 1 }
            index += 1
            line += 1
            lineStartByte = index
            rowStartLine = line
            if index == count { break }
        }
        return rows
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
