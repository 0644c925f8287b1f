import ConcordModel
import Foundation

/// Glossaries as CSV (RFC 4180) or TSV: a header row of language tags, with
/// optional columns `id`, `note`, `subjectField`, `definition`, `status:<lang>`
/// and `type:<lang>`. A cell may hold several terms separated by `;`, their
/// statuses and types `;`-aligned in the matching columns. The concept id is
/// the `id` column or the 1-based data row number.
public enum GlossaryTable {
    enum Column {
        case language(LanguageTag), status(LanguageTag), type(LanguageTag), id, note, subjectField, definition, partOfSpeech(LanguageTag), ignored
    }

    public static func read(_ input: InputLocation, delimiter: Delimiter) throws -> Glossary {
        let name = input.name
        let data = try TextFileBytes.read(input)
        guard let text = String(data: data, encoding: .utf8) else {
            throw FormatError.badTable(file: name, line: 1, column: 1, message: "not UTF-8 text; save the glossary as UTF-8")
        }
        return try read(text: text, fileName: name, delimiter: delimiter)
    }

    public static func read(text: String, fileName: String, delimiter: Delimiter) throws -> Glossary {
        let rows = try DelimitedTableReader(fileName: fileName, delimiter: delimiter).rows(in: text)
        guard let header = rows.first else { return Glossary() }
        var columns: [Column] = []
        var column = 1
        for field in header.fields {
            let name = field.trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
            let lower = name.lowercased()
            func tag(after prefix: String) -> LanguageTag? {
                let rest = String(name.dropFirst(prefix.count))
                return LanguageTagSyntax.isWellFormed(rest) ? LanguageTag(rest) : nil
            }
            if lower == "id" || lower == "concept" || lower == "concept_id" { columns.append(.id) }
            else if lower == "note" || lower == "notes" { columns.append(.note) }
            else if lower == "subjectfield" || lower == "subject" || lower == "domain" { columns.append(.subjectField) }
            else if lower == "definition" { columns.append(.definition) }
            else if lower.hasPrefix("status:"), let language = tag(after: "status:") { columns.append(.status(language)) }
            else if lower.hasPrefix("type:"), let language = tag(after: "type:") { columns.append(.type(language)) }
            else if lower.hasPrefix("pos:"), let language = tag(after: "pos:") { columns.append(.partOfSpeech(language)) }
            else if LanguageTagSyntax.isWellFormed(name) { columns.append(.language(LanguageTag(name))) }
            else {
                throw FormatError.badTable(file: fileName, line: header.line, column: column,
                                           message: "header '\(name)' is neither a language tag nor one of id, note, subjectField, definition, status:<lang>, type:<lang>")
            }
            column += field.count + 1
        }
        var glossary = Glossary()
        for (index, row) in rows.dropFirst().enumerated() {
            var concept = Concept(id: String(index + 1))
            var statuses: [LanguageTag: [String]] = [:]
            var types: [LanguageTag: [String]] = [:]
            var parts: [LanguageTag: [String]] = [:]
            for (position, field) in row.fields.enumerated() where position < columns.count {
                let cell = trim(Substring(field))
                if cell.isEmpty { continue }
                switch columns[position] {
                case .id: concept.id = cell
                case .note: concept.note = cell
                case .subjectField: concept.subjectField = cell
                case .definition: concept.definition = cell
                case let .status(language): statuses[language] = split(cell)
                case let .type(language): types[language] = split(cell)
                case let .partOfSpeech(language): parts[language] = split(cell)
                case .language, .ignored: break
                }
            }
            for (position, field) in row.fields.enumerated() where position < columns.count {
                guard case let .language(language) = columns[position] else { continue }
                for (termIndex, text) in split(field).enumerated() where !text.isEmpty {
                    var term = Term(text: text, language: language, status: termIndex == 0 ? .preferred : .admitted)
                    if let raw = statuses[language]?[safe: termIndex], !raw.isEmpty {
                        guard let status = TermStatus(tbx: raw) else {
                            throw FormatError.badTable(file: fileName, line: row.line, column: 1,
                                                       message: "status '\(raw)' for '\(text)' is not preferred, admitted, deprecated or superseded")
                        }
                        term.status = status
                    }
                    if let raw = types[language]?[safe: termIndex], !raw.isEmpty {
                        guard let type = TermType(tbx: raw) else {
                            throw FormatError.badTable(file: fileName, line: row.line, column: 1,
                                                       message: "type '\(raw)' for '\(text)' is not fullForm, acronym, abbreviation, shortForm, variant or phrase")
                        }
                        term.type = type
                    }
                    if let raw = parts[language]?[safe: termIndex], !raw.isEmpty { term.partOfSpeech = raw }
                    concept.terms.append(term)
                }
            }
            if !concept.terms.isEmpty { glossary.concepts.append(concept) }
        }
        return glossary
    }

    /// The table: id, one column per language, then status/type columns, subjectField, definition, note.
    public static func write(_ glossary: Glossary, delimiter: Delimiter, sink: (String) throws -> Void) throws {
        let languages = glossary.languages
        var header = ["id"] + languages.map(\.canonical)
        header += languages.map { "status:\($0.canonical)" } + languages.map { "type:\($0.canonical)" }
        header += ["subjectField", "definition", "note"]
        try sink(DelimitedTableWriter.line(header, delimiter: delimiter))
        for concept in glossary.concepts {
            var fields = [concept.id]
            fields += languages.map { language in concept.terms.filter { $0.language == language }.map(\.text).joined(separator: ";") }
            fields += languages.map { language in concept.terms.filter { $0.language == language }.map(\.status.rawValue).joined(separator: ";") }
            fields += languages.map { language in concept.terms.filter { $0.language == language }.map { $0.type?.rawValue ?? "" }.joined(separator: ";") }
            fields += [concept.subjectField ?? "", concept.definition ?? "", concept.note ?? ""]
            try sink(DelimitedTableWriter.line(fields, delimiter: delimiter))
        }
    }

    private static func split(_ cell: String) -> [String] {
        guard cell.utf8.contains(0x3B) else { return [trim(Substring(cell))] }
        return cell.split(separator: ";", omittingEmptySubsequences: false).map(trim)
    }

    /// Spaces and tabs off both ends (no Foundation: this runs for every cell).
    private static func trim(_ text: Substring) -> String {
        var result = text
        while let first = result.first, first == " " || first == "\t" || first == "\u{00A0}" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" || last == "\u{00A0}" { result = result.dropLast() }
        return String(result)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

/// Reads and writes glossaries in the format a path's extension names.
public enum GlossaryFile {
    public enum Format: String, CaseIterable, Sendable { case tbx, csv, tsv }

    /// The format a name's extension says (standard input is TBX).
    public static func format(of input: InputLocation) throws -> Format {
        guard case let .file(path) = input else { return .tbx }
        return try format(of: path)
    }

    public static func format(of path: String) throws -> Format {
        let lower = path.lowercased()
        if lower.hasSuffix(".tbx") || lower.hasSuffix(".xml") { return .tbx }
        if lower.hasSuffix(".csv") { return .csv }
        if lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") || lower.hasSuffix(".txt") { return .tsv }
        throw FormatError.unknownFormat(file: path, supported: [".tbx", ".csv", ".tsv"])
    }

    public static func read(path: String) throws -> Glossary {
        try read(.file(path))
    }

    public static func read(_ input: InputLocation) throws -> Glossary {
        switch try format(of: input) {
        case .tbx: return try TBXReader.read(input)
        case .csv: return try GlossaryTable.read(input, delimiter: .comma)
        case .tsv: return try GlossaryTable.read(input, delimiter: .tab)
        }
    }

    /// Writes atomically; `.tbx` is TBX 2019 unless `dialect` says 2008.
    /// `inputs` are the files the glossary was read from, refused as the output.
    public static func write(_ glossary: Glossary, to output: OutputLocation, dialect: TBXWriter.Dialect = .tbx2019,
                             inputs: [InputLocation] = []) throws {
        let file = try AtomicOutputFile(output, inputs: inputs)
        switch try output.path.map(format(of:)) ?? .tbx {
        case .tbx: try TBXWriter.write(glossary, dialect: dialect) { try file.write($0) }
        case .csv: try GlossaryTable.write(glossary, delimiter: .comma) { try file.write($0) }
        case .tsv: try GlossaryTable.write(glossary, delimiter: .tab) { try file.write($0) }
        }
        try file.commit()
    }
}
