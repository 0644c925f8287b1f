import ArgumentParser
import Concord

struct TMXFilterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "filter",
        abstract: "Copy the units of a memory that pass the filters.",
        discussion: """
        --drop-empty drops units whose target is empty; --drop-untranslated drops units whose target \
        equals the source or holds only inline codes. The source is the unit's srclang, else the header's, \
        else the first variant.

        Example:
          concord tmx filter memory.tmx -o recent.tmx --since 2019-01-01 --prop \\
              x-client=SCO --drop-untranslated
        """
    )

    @Argument(help: "Input memory (.tmx, .csv, .tsv); - reads TMX from standard input.")
    var input: String

    @Option(name: .shortAndLong, help: "Output file (.tmx, .csv, .tsv, .jsonl); - writes TMX to standard output.")
    var output: String

    @OptionGroup var languages: LanguageListOption

    @OptionGroup var filters: UnitFilterOptions

    @Flag(help: "Drop units whose target is empty.")
    var dropEmpty = false

    @Flag(help: "Drop units whose target equals the source or holds only codes.")
    var dropUntranslated = false

    @Flag(help: "On broken XML, keep the complete units before the fault and report it instead of failing.")
    var recover = false

    @OptionGroup var summary: OutputOptions

    func validate() throws {
        try ConversionSummary.check(output: output, format: summary.effectiveFormat)
    }

    func run() throws {
        var selection = UnitSelection()
        selection.languages = languages.tags
        filters.apply(to: &selection)
        selection.dropEmpty = dropEmpty
        selection.dropUntranslated = dropUntranslated
        let report = try ConversionRequest(inputs: [InputLocation(argument: input)], output: OutputLocation(argument: output),
                                           selection: selection, recover: recover).run()
        try ConversionSummary.print(report,
                                    text: "\(counted(report.read, "unit")) read, \(report.written) kept in \(OutputLocation(argument: output).name)",
                                    format: summary.effectiveFormat)
    }
}
