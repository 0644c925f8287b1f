import ConcordFormats
import ConcordModel

/// Writes units to a file in the format its extension names (standard output and
/// memory: TMX), atomically: nothing appears at the path unless the whole file was written.
public final class MemoryFileWriter {
    /// The output's name in messages.
    public let path: String
    public let format: MemoryFileFormat
    private let file: AtomicOutputFile
    private var tmx: TMXWriter?
    private var table: UnitTableWriter?
    private var jsonLines: JSONLinesUnitWriter?
    public private(set) var unitsWritten = 0

    /// Opens the output. `columns` are the table's languages (CSV/TSV only); `inputs` are the
    /// files the output is made from, refused as the output.
    public init(output: OutputLocation, header: TMXHeader, columns: [LanguageTag], format: MemoryFileFormat? = nil,
                inputs: [InputLocation] = []) throws {
        path = output.name
        self.format = try format ?? (output.path.map { try MemoryFileFormat.from(path: $0) } ?? .tmx)
        file = try AtomicOutputFile(output, inputs: inputs)
        let file = self.file
        switch self.format {
        case .tmx:
            var header = header
            if header.creationToolVersion == nil { header.creationToolVersion = ConcordVersion.string }
            tmx = try TMXWriter(header: header, fileName: output.name) { try file.write($0) }
        case .csv, .tsv:
            if columns.isEmpty { throw WorkflowError.usage("\(output.name): no languages to make columns of; name them with --langs") }
            table = try UnitTableWriter(columns: columns, delimiter: self.format == .csv ? .comma : .tab) { try file.write($0) }
        case .jsonl:
            jsonLines = JSONLinesUnitWriter { try file.write($0) }
        }
    }

    public func write(_ unit: TranslationUnit) throws {
        // TMX cannot hold a unit without variants (the writer says so): it is left out, not counted.
        if tmx == nil || !unit.variants.isEmpty { unitsWritten += 1 }
        if let tmx { try tmx.write(unit) } else if let table { try table.write(unit) } else { try jsonLines?.write(unit) }
    }

    /// Completes the file and moves it into place.
    public func commit() throws {
        try tmx?.finish()
        try file.commit()
    }

    /// What the writer could not keep.
    public var diagnostics: [Diagnostic] { (tmx?.diagnostics ?? []) + (table?.diagnostics ?? []) }
}

extension MemoryFileWriter {
    /// Writes `units` made by Concord (an alignment) to `output`, atomically: the header says
    /// Concord made them and `sourceLanguage` is their source; a table gets a column per language.
    public static func write(_ units: [TranslationUnit], to output: OutputLocation, sourceLanguage: LanguageTag,
                             languages: [LanguageTag], inputs: [InputLocation]) throws {
        var header = TMXHeader()
        header.creationTool = "Concord"
        header.sourceLanguage = sourceLanguage.canonical
        let writer = try MemoryFileWriter(output: output, header: header, columns: languages, inputs: inputs)
        for unit in units { try writer.write(unit) }
        try writer.commit()
    }
}
