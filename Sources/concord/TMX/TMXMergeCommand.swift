import ArgumentParser
import Concord

struct TMXMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge memories into one file; --dedupe folds duplicate units together.",
        discussion: """
        Two units are duplicates when every variant has the same language, plain text and sequence of \
        inline-code kinds. Merging keeps the newest change date and the union of props and notes.

        Example:
          concord tmx merge 2019.tmx 2020.tmx -o all.tmx --dedupe
        """
    )

    @Argument(help: "Input memories (.tmx, .csv, .tsv).")
    var inputs: [String]

    @Option(name: .shortAndLong, help: "Output file (.tmx, .csv, .tsv, .jsonl).")
    var output: String

    @Flag(help: "Fold duplicate units into one.")
    var dedupe = false

    @Flag(help: "On broken XML, keep the complete units before the fault and report it instead of failing.")
    var recover = false

    @OptionGroup var summary: OutputOptions

    func validate() throws {
        try ConversionSummary.check(output: output, format: summary.effectiveFormat)
    }

    func run() throws {
        let report = try ConversionRequest(inputs: inputs.map(InputLocation.init(argument:)), output: OutputLocation(argument: output),
                                           dedupe: dedupe, recover: recover).run()
        try ConversionSummary.print(report,
                                    text: "\(counted(report.read, "unit")) read, \(counted(report.merged, "duplicate")) merged, \(report.written) written to \(OutputLocation(argument: output).name)",
                                    format: summary.effectiveFormat)
    }
}
