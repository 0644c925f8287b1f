import ArgumentParser
import Concord

struct TMXFilterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "filter",
        abstract: "Copy the units of a memory that pass the filters.",
        discussion: """
        --drop-empty drops units whose target is empty; --drop-untranslated drops units whose target
        equals the source or holds only inline codes. The source is the unit's srclang, else the header's,
        else the first variant.

        Example:
          concord tmx filter memory.tmx -o recent.tmx --since 2019-01-01 --prop x-client=SCO --drop-untranslated
        """
    )

    @Argument(help: "Input memory (.tmx, .csv, .tsv); - reads TMX from standard input.")
    var input: String

    @Option(name: .shortAndLong, help: "Output file (.tmx, .csv, .tsv, .jsonl); - writes TMX to standard output.")
    var output: String

    @OptionGroup var languages: LanguageListOption

    @Option(help: "Keep units changed or created on or after this date (ISO 8601, e.g. 2019-04-24).")
    var since: String?

    @Option(help: "Keep units with this prop, TYPE=VALUE (repeatable; all must match).")
    var prop: [String] = []

    @Flag(help: "Drop units whose target is empty.")
    var dropEmpty = false

    @Flag(help: "Drop units whose target equals the source or holds only codes.")
    var dropUntranslated = false

    @Flag(help: "On broken XML, keep the complete units before the fault and report it instead of failing.")
    var recover = false

    func validate() throws {
        if let since, Timestamp(iso8601: since) == nil {
            throw ValidationError("--since '\(since)' is not a date; use ISO 8601, e.g. 2019-04-24 or 20190424T000000Z")
        }
        for entry in prop where UnitSelection.parseProperty(entry) == nil {
            throw ValidationError("--prop '\(entry)' must be TYPE=VALUE, e.g. x-client=SCO")
        }
    }

    func run() throws {
        var selection = UnitSelection()
        selection.languages = languages.tags
        selection.since = since.flatMap { Timestamp(iso8601: $0) }
        selection.properties = prop.compactMap(UnitSelection.parseProperty)
        selection.dropEmpty = dropEmpty
        selection.dropUntranslated = dropUntranslated
        let report = try MemoryConversion.convert(input: input, output: output, selection: selection, recover: recover)
        DiagnosticPrinter.printToStandardError(report.diagnostics)
        StandardStreams.writeError("\(report.unitsRead) units read, \(report.unitsWritten) kept in \(output)")
    }
}
