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
        let statistics = try MemoryStatistics.compute(InputLocation(argument: file), recover: recover)
        let header = statistics.metadata
        switch output.effectiveFormat {
        case .json:
            try StandardStreams.writeJSON(statistics.report)
        case .text:
            var lines = ["file: \(InputLocation(argument: file).name)", "units: \(statistics.units)"]
            lines.append("languages:")
            for entry in statistics.variantsPerLanguage { lines.append("  \(entry.language.canonical): \(entry.count)") }
            lines.append("srclang: \(statistics.sourceLanguageLabel ?? "(none)")")
            if let tool = header.creationTool { lines.append("created by: \(tool)\(header.creationToolVersion.map { " " + $0 } ?? "")") }
            if let format = header.originalFormat { lines.append("original format: \(format)") }
            if !header.properties.isEmpty { lines.append("header props: \(header.properties.count)") }
            lines.append("findings: \(statistics.diagnostics.count)")
            try StandardStreams.write(lines.joined(separator: "\n"))
            DiagnosticPrinter.printToStandardError(statistics.diagnostics)
        }
    }
}
