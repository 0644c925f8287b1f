import ConcordFormats
import ConcordModel

/// Converts a memory between TMX, CSV, TSV and JSON Lines (`concord tmx
/// convert`), filters it (`concord tmx filter`) and merges several
/// (`concord tmx merge`). Outputs are written atomically.
public enum MemoryConversion {
    /// The outcome of a conversion.
    public struct Report: Sendable {
        public var unitsRead = 0
        public var unitsWritten = 0
        public var duplicatesMerged = 0
        public var diagnostics: [Diagnostic] = []
    }

    /// Copies `input` to `output` keeping what `selection` keeps.
    public static func convert(input: InputLocation, output: OutputLocation, selection: UnitSelection = UnitSelection(),
                               recover: Bool = false) throws -> Report {
        try merge(inputs: [input], output: output, selection: selection, dedupe: false, recover: recover)
    }

    /// Concatenates `inputs` into `output`; with `dedupe`, units that are the
    /// same by the project's duplicate rule are merged into one.
    public static func merge(inputs: [InputLocation], output: OutputLocation, selection: UnitSelection = UnitSelection(),
                             dedupe: Bool, recover: Bool = false) throws -> Report {
        guard !inputs.isEmpty else { throw WorkflowError.usage("no input files") }
        for input in inputs { try input.requireExisting() }
        try AtomicOutputFile.refuse(output: output, ifAnyOf: inputs)
        let outputFormat = try output.path.map { try MemoryFileFormat.from(path: $0) } ?? .tmx
        var report = Report()

        // A table needs its columns before the first row: take --langs, or look first.
        var columns = selection.languages
        var buffered: [[TranslationUnit]]?
        if (outputFormat == .csv || outputFormat == .tsv) && columns.isEmpty {
            if inputs.contains(where: { !$0.canBeReread }) {
                buffered = try inputs.map { try readAll($0, recover: recover, report: &report) }
                columns = languages(in: buffered!.joined())
            } else {
                var seen: [LanguageTag] = []
                for input in inputs {
                    let source = try UnitSourceOpener.open(input, recover: recover)
                    while let unit = try source.next() {
                        for language in unit.languages where !seen.contains(language) { seen.append(language) }
                    }
                }
                columns = seen
            }
        }

        // Headers are read ahead (standard input cannot be read twice) and one file at a time,
        // so that merging many files does not hold them all open.
        let headers = try inputs.map { input -> TMXHeader? in
            guard input.canBeReread else { return nil }
            let source = try UnitSourceOpener.open(input, recover: true)
            return source.tmxHeader ?? TMXHeader(metadata: source.metadata)
        }
        var header = headers[0] ?? TMXHeader()
        header.creationTool = "Concord"
        header.creationToolVersion = ConcordVersion.string
        if inputs.count > 1 { header.sourceLanguage = commonSourceLanguage(headers.compactMap { $0 }) }
        let writer = try MemoryFileWriter(output: output, header: header, columns: columns, inputs: inputs)

        var kept: [TranslationUnit] = []
        var keyIndex: [DuplicateKey: Int] = [:]
        func take(_ unit: TranslationUnit, defaultSource: LanguageTag?) throws {
            report.unitsRead += 1
            guard let selected = selection.apply(to: unit, defaultSource: defaultSource) else { return }
            if dedupe {
                let key = selected.duplicateKey
                if let index = keyIndex[key] {
                    kept[index].merge(selected)
                    report.duplicatesMerged += 1
                } else {
                    keyIndex[key] = kept.count
                    kept.append(selected)
                }
            } else {
                try writer.write(selected)
            }
        }

        if let buffered {
            for units in buffered { for unit in units { try take(unit, defaultSource: nil) } }
        } else {
            for input in inputs {
                let source = try UnitSourceOpener.open(input, recover: recover)
                let defaultSource = source.metadata.sourceLanguageTag
                while let unit = try source.next() { try take(unit, defaultSource: defaultSource) }
                report.diagnostics += source.diagnostics
            }
        }
        for unit in kept { try writer.write(unit) }
        try writer.commit()
        report.unitsWritten = writer.unitsWritten
        report.diagnostics += writer.diagnostics
        return report
    }

    private static func readAll(_ input: InputLocation, recover: Bool, report: inout Report) throws -> [TranslationUnit] {
        let source = try UnitSourceOpener.open(input, recover: recover)
        var units: [TranslationUnit] = []
        while let unit = try source.next() { units.append(unit) }
        report.diagnostics += source.diagnostics
        return units
    }

    private static func languages(in units: some Sequence<TranslationUnit>) -> [LanguageTag] {
        var seen: [LanguageTag] = []
        for unit in units { for language in unit.languages where !seen.contains(language) { seen.append(language) } }
        return seen
    }

    /// The inputs' shared source language, or `*all*` when they differ.
    private static func commonSourceLanguage(_ headers: [TMXHeader]) -> String {
        let languages = Set(headers.map { $0.sourceLanguageTag?.canonical ?? "*all*" })
        return languages.count == 1 ? languages.first! : "*all*"
    }
}
