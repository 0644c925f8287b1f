import ArgumentParser
import Concord

struct TMXStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count units and variants per language, show the header and every finding.",
        discussion: """
        Example:
          concord tmx stats TMX/un-testset.en-ru-zh.tmx --json

        JSON: {"units": N, "languages": {"en": N, ...}, "sourceLanguage": "en-US" | "*all*", \
        "header": {"creationTool", "creationToolVersion", "segmentType", "originalFormat", \
        "adminLanguage", "dataType", "version"}, "diagnostics": [{"id", "severity", "message", \
        "file", "line", "column"}]}
        """
    )

    @Argument(help: "The TMX file (or CSV/TSV table); - reads standard input.")
    var file: String

    @Flag(help: "On broken XML, keep the complete units before the fault and report it instead of failing.")
    var recover = false

    @OptionGroup var output: OutputOptions

    func run() throws {
        let input = InputLocation(argument: file)
        let report = try MemoryStatisticsRequest(input: input, recover: recover).run()
        switch output.effectiveFormat {
        case .json:
            try StandardStreams.writeJSON(report)
        case .text:
            var lines = ["file: \(input.name)", "units: \(report.units)"]
            lines.append("languages:")
            for language in report.languageOrder { lines.append("  \(language): \(report.languages[language] ?? 0)") }
            lines.append("srclang: \(report.sourceLanguage ?? "(none)")")
            if let tool = report.header.creationTool { lines.append("created by: \(tool)\(report.header.creationToolVersion.map { " " + $0 } ?? "")") }
            if let format = report.header.originalFormat { lines.append("original format: \(format)") }
            if report.headerProperties > 0 { lines.append("header props: \(report.headerProperties)") }
            lines.append("findings: \(report.diagnostics.count)")
            try StandardStreams.write(lines.joined(separator: "\n"))
            DiagnosticPrinter.printToStandardError(report.diagnostics)
        }
    }
}
