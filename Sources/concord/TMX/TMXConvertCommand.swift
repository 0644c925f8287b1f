import ArgumentParser
import Concord

struct TMXConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a memory between TMX, CSV, TSV and JSON Lines (format from the extension).",
        discussion: """
        .tmx is normalised TMX 1.4b; .csv (RFC 4180) and .tsv have one column per language under a \
        header row of tags (TSV escapes tab, newline and backslash as \\t, \\n, \\\\); .jsonl has one unit \
        a line. CSV and TSV with a header row of tags convert back to TMX. The output appears only \
        when it is complete.

        Examples:
          concord tmx convert memory.tmx -o memory.csv --langs en,ru
          concord tmx convert glossary-pairs.tsv -o pairs.tmx
        """
    )

    @Argument(help: "Input: .tmx, .csv or .tsv; - reads TMX from standard input.")
    var input: String

    @Option(name: .shortAndLong, help: "Output: .tmx, .csv, .tsv or .jsonl; - writes TMX to standard output.")
    var output: String

    @OptionGroup var languages: LanguageListOption

    @Flag(help: "On broken XML, keep the complete units before the fault and report it instead of failing.")
    var recover = false

    @OptionGroup var summary: OutputOptions

    func validate() throws {
        try ConversionSummary.check(output: output, format: summary.effectiveFormat)
    }

    func run() throws {
        var selection = UnitSelection()
        selection.languages = languages.tags
        let report = try ConversionRequest(inputs: [InputLocation(argument: input)], output: OutputLocation(argument: output),
                                           selection: selection, recover: recover).run()
        try ConversionSummary.print(report,
                                    text: "\(counted(report.read, "unit")) read, \(report.written) written to \(OutputLocation(argument: output).name)",
                                    format: summary.effectiveFormat)
    }
}
