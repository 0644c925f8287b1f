import ArgumentParser
import Concord
import Foundation

/// `--db`, shared by the store commands.
struct StoreOption: ParsableArguments {
    @Option(help: "The memory store (an SQLite file; created on import).")
    var db: String
}

struct TMImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add memories (.tmx, .csv, .tsv) to a store, one transaction per file.",
        discussion: """
        Duplicates (same languages, text and code kinds in every variant) are merged: the newest change \
        date wins and props and notes are united. A file that fails part-way adds nothing; files before it \
        stay imported.

        Example:
          concord tm import TMX/un-testset.en-ru-zh.tmx --db sco.tmdb
        """
    )

    @Argument(help: "Memory files.")
    var files: [String]

    @OptionGroup var store: StoreOption

    @OptionGroup var summary: OutputOptions

    @Flag(help: "Show progress on standard error even when it is not a terminal (one line per 10,000 units).")
    var progress = false

    func run() throws {
        let terminal = isatty(2) == 1
        let showsProgress = progress || terminal
        if let created = MemoryStoreWorkflow.newStore(at: store.db) {
            Interruption.undoOnInterrupt(store: store.db, emptyingOnly: created == .overEmptyFile)
        }
        Interruption.say("0 of \(files.count) file\(files.count == 1 ? "" : "s") imported; the store is as it was")
        var done = 0
        let json = summary.effectiveFormat == .json
        let reports = try MemoryStoreWorkflow.importFiles(files.map(InputLocation.init(argument:)), intoStoreAt: store.db, progress: { step in
            guard showsProgress else { return }
            // On a terminal one line is rewritten in place; in a log each step is a line.
            let line = "\(step.file): \(step.unitsRead) units read"
            StandardStreams.writeError(terminal ? "\r" + line + "\u{1B}[K" : line, newline: !terminal)
        }) { report in
            // Each file is reported as it commits; from the first commit on, the store stays.
            Interruption.keepStore()
            done += 1
            Interruption.say("\(done) of \(files.count) file\(files.count == 1 ? "" : "s") imported; the one being read was not")
            guard !json else { return }
            DiagnosticPrinter.printToStandardError(report.diagnostics.filter { $0.severity == .error })
            StandardStreams.writeError((terminal ? "\r\u{1B}[K" : "") + "\(report.file): \(counted(report.read, "unit")) read, \(report.added) added, \(report.merged) merged into existing units")
        }
        if json {
            try ConversionSummary.print(read: reports.reduce(0) { $0 + $1.read }, written: reports.reduce(0) { $0 + $1.added },
                                        merged: reports.reduce(0) { $0 + $1.merged }, diagnostics: reports.flatMap(\.diagnostics),
                                        text: "", format: .json)
        }
    }
}

struct TMExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a store out as TMX (lossless), CSV, TSV or JSON Lines.",
        discussion: "Example:\n  concord tm export --db sco.tmdb -o sco.tmx --langs en,ru --since 2019-01-01"
    )

    @OptionGroup var store: StoreOption

    @Option(name: .shortAndLong, help: "Output file (.tmx, .csv, .tsv, .jsonl).")
    var output: String

    @OptionGroup var languages: LanguageListOption

    @OptionGroup var filters: UnitFilterOptions

    func run() throws {
        var selection = UnitSelection()
        selection.languages = languages.tags
        filters.apply(to: &selection)
        let written = try MemoryStoreWorkflow.export(MemoryStore(path: store.db, access: .readOnly), to: OutputLocation(argument: output), selection: selection)
        StandardStreams.writeError("\(counted(written, "unit")) written to \(OutputLocation(argument: output).name)")
    }
}

struct TMStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count the units of a store and its variants per language.",
        discussion: "Example:\n  concord tm stats --db sco.tmdb --json"
    )

    @OptionGroup var store: StoreOption
    @OptionGroup var output: OutputOptions

    func run() throws {
        let statistics = try MemoryStore(path: store.db, access: .readOnly).statistics()
        switch output.effectiveFormat {
        case .json: try StandardStreams.writeJSON(statistics)
        case .text:
            var lines = ["units: \(statistics.units)", "languages:"]
            for (language, count) in statistics.languages.sorted(by: { $0.key < $1.key }) { lines.append("  \(language): \(count)") }
            try StandardStreams.write(lines.joined(separator: "\n"))
        }
    }
}

struct TMDeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete the units with a tuid from a store.",
        discussion: "Example:\n  concord tm delete --db sco.tmdb --tuid 1234"
    )

    @OptionGroup var store: StoreOption

    @Option(help: "The tuid of the units to delete.")
    var tuid: String

    func run() throws {
        let deleted = try MemoryStoreWorkflow.delete(tuid: tuid, from: MemoryStore(path: store.db, access: .changeExisting))
        // Nothing to delete is not an error (exit 1 is for findings): a warning says so.
        StandardStreams.writeError(deleted == 0 ? "warning: no unit matched tuid \(tuid); nothing deleted"
                                                : "\(deleted) unit\(deleted == 1 ? "" : "s") deleted")
    }
}
