import ConcordModel
import Foundation

/// Reads units from a CSV or TSV table whose header row names a language per
/// column (`en`, `ru-RU`, `zh-CN`). Optional columns: `tuid` (or `id`), `note`, and
/// properties named `x-…` (as TMX props: `x-document`, `x-alignment-confidence`). Each row is a
/// unit; an empty cell is no variant.
public final class TableUnitReader: UnitSource {
    public let fileName: String
    public let metadata = MemoryMetadata()
    public private(set) var diagnostics: [Diagnostic] = []
    private var units: [TranslationUnit]
    private var position = 0

    /// Reads the whole table at `path`.
    public convenience init(path: String, delimiter: Delimiter) throws {
        try self.init(input: .file(path), delimiter: delimiter)
    }

    /// Reads the whole table.
    public init(input: InputLocation, delimiter: Delimiter) throws {
        fileName = input.name
        let data = try TextFileBytes.read(input)
        guard let text = String(data: data, encoding: .utf8) else {
            throw FormatError.badTable(file: fileName, line: 1, column: 1, message: "not UTF-8 text; save the table as UTF-8")
        }
        let rows = try DelimitedTableReader(fileName: fileName, delimiter: delimiter).rows(in: text)
        units = []
        guard let headerRow = rows.first else { return }
        let columns = try Self.columns(of: headerRow, file: fileName)
        for row in rows.dropFirst() {
            if row.fields.count > columns.count {
                diagnostics.append(Diagnostic(DiagnosticCatalog.tableExtraFields,
                                              message: "row has \(row.fields.count) fields, the header \(columns.count); extra fields ignored",
                                              file: fileName, line: row.line))
            }
            var unit = TranslationUnit(line: row.line)
            for (index, field) in row.fields.prefix(columns.count).enumerated() where !field.isEmpty {
                switch columns[index] {
                case let .language(tag): unit.variants.append(Variant(language: tag, segment: Segment(field)))
                case .tuid: unit.tuid = field
                case .note: unit.notes.append(Note(field))
                case let .property(type): unit.properties.append(Property(type: type, value: field))
                }
            }
            if !unit.variants.isEmpty { units.append(unit) }
        }
    }

    public func next() throws -> TranslationUnit? {
        guard position < units.count else { return nil }
        defer { position += 1 }
        return units[position]
    }

    enum Column { case language(LanguageTag), tuid, note, property(String) }

    static func columns(of header: DelimitedTableReader.Row, file: String) throws -> [Column] {
        var result: [Column] = []
        var column = 1
        for name in header.fields {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            switch trimmed.lowercased() {
            case "tuid", "id": result.append(.tuid)
            case "note", "notes": result.append(.note)
            case let name where name.hasPrefix("x-") && name.count > 2: result.append(.property(trimmed))
            default:
                guard LanguageTagSyntax.isWellFormed(trimmed) else {
                    throw FormatError.badTable(file: file, line: header.line, column: column,
                                               message: "header '\(trimmed)' is not a language tag; the first row must name a language per column (en, ru, zh-CN)")
                }
                result.append(.language(LanguageTag(trimmed)))
            }
            column += name.count + 1
        }
        if !result.contains(where: { if case .language = $0 { return true } else { return false } }) {
            throw FormatError.badTable(file: file, line: header.line, column: 1, message: "no language column in the header row")
        }
        return result
    }
}
