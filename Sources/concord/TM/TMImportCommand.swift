import ArgumentParser
import Concord
import Foundation

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

    @Option(help: "For XLIFF files: the states whose targets are imported (comma-separated: initial, translated, reviewed, final). Default: translated, reviewed, final, and targets that differ from their source.")
    var states: String?

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
        let request = ImportRequest(inputs: files.map(InputLocation.init(argument:)), store: store.db, xliffStates: try states.map(XLIFFStateList.parse))
        let result = try request.run(progress: { step in
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
            try ConversionSummary.print(result.summary, text: "", format: .json)
        }
    }
}
