import ConcordModel

/// Writes units as a table: a header row of language tags, then one row per
/// unit with the plain text of each language (inline codes are left out).
public final class UnitTableWriter {
    private let columns: [LanguageTag]
    private let delimiter: Delimiter
    private let sink: (String) throws -> Void
    public private(set) var diagnostics: [Diagnostic] = []
    private var reportedExtraVariants = false

    /// `columns` are language patterns: `en` takes `en-US` and `en-GB` alike.
    public init(columns: [LanguageTag], delimiter: Delimiter, sink: @escaping (String) throws -> Void) throws {
        self.columns = columns
        self.delimiter = delimiter
        self.sink = sink
        try sink(DelimitedTableWriter.line(columns.map(\.canonical), delimiter: delimiter))
    }

    /// Writes one unit (skipped when it has no text in any column).
    public func write(_ unit: TranslationUnit) throws {
        var fields: [String] = []
        for column in columns {
            let matching = unit.variants(for: column)
            if matching.count > 1 && !reportedExtraVariants {
                reportedExtraVariants = true
                diagnostics.append(Diagnostic(DiagnosticCatalog.tableSeveralVariants,
                                              message: "some units have several \(column) variants; a table keeps the first of each"))
            }
            fields.append(matching.first?.segment.plainText ?? "")
        }
        guard fields.contains(where: { !$0.isEmpty }) else { return }
        try sink(DelimitedTableWriter.line(fields, delimiter: delimiter))
    }
}
