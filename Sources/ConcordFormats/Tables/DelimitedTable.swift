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

    private func csvRows(_ text: Substring) throws -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var fieldWasQuoted = false
        var line = 1
        var column = 0
        var rowStartLine = 1
        var quoteLine = 1, quoteColumn = 1
        var iterator = text.makeIterator()
        var pending: Character?
        func endRow() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) {
                rows.append(Row(fields: fields, line: rowStartLine))
            }
            fields = []
            field = ""
            fieldWasQuoted = false
        }
        while let character = pending ?? iterator.next() {
            pending = nil
            column += 1
            if inQuotes {
                if character == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.append("\"")
                        column += 1
                    } else {
                        inQuotes = false
                        pending = next
                    }
                } else {
                    if character == "\n" || character == "\r\n" {
                        line += 1
                        column = 0
                    }
                    field.append(character)
                }
                continue
            }
            switch character {
            case ",":
                fields.append(field)
                field = ""
                fieldWasQuoted = false
            case "\"":
                if field.isEmpty && !fieldWasQuoted {
                    inQuotes = true
                    fieldWasQuoted = true
                    quoteLine = line
                    quoteColumn = column
                } else {
                    throw FormatError.badTable(file: fileName, line: line, column: column,
                                               message: "a quote inside an unquoted field; quote the whole field and double the quote (\"\")")
                }
            case "\n", "\r\n", "\r":
                endRow()
                line += 1
                column = 0
                rowStartLine = line
            default:
                if fieldWasQuoted {
                    throw FormatError.badTable(file: fileName, line: line, column: column,
                                               message: "text after a closing quote; a quoted field must end at the delimiter")
                }
                field.append(character)
            }
        }
        if inQuotes {
            throw FormatError.badTable(file: fileName, line: quoteLine, column: quoteColumn, message: "a quoted field is never closed")
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRow() }
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
