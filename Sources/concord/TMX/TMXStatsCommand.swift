import ArgumentParser
import Concord

struct TMXStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count units and variants per language, show the header and every finding.",
        discussion: """
        Example:
          concord tmx stats TMX/un-testset.en-ru-zh.tmx --json

        JSON: {"tus": N, "languages": {"en": N, ...}, "srclang": "en-US" | "*all*", \
        "header": {...}, "diagnostics": [{"id", "severity", "message", "file", "line", "column"}]}
        """
    )

    @Argument(help: "The TMX file (or CSV/TSV table); - reads standard input.")
    var file: String

    @Flag(help: "On broken XML, keep the complete units before the fault and report it instead of failing.")
    var recover = false

    @OptionGroup var output: OutputOptions

    func run() throws {
        let statistics = try MemoryStatistics.compute(path: file, recover: recover)
        let header = statistics.header
        switch output.effectiveFormat {
        case .json:
            var languages: [String: Int] = [:]
            for entry in statistics.variantsPerLanguage { languages[entry.language.canonical] = entry.count }
            var headerObject: [String: Any] = [:]
            let fields: [(String, String?)] = [("creationtool", header.creationTool), ("creationtoolversion", header.creationToolVersion),
                                               ("segtype", header.segmentType), ("o-tmf", header.originalFormat),
                                               ("adminlang", header.adminLanguage), ("datatype", header.dataType),
                                               ("version", header.version)]
            for (key, value) in fields { if let value { headerObject[key] = value } }
            let object: [String: Any] = [
                "tus": statistics.units,
                "languages": languages,
                "srclang": sourceLanguageLabel(header) as Any,
                "header": headerObject,
                "diagnostics": statistics.diagnostics.map(DiagnosticPrinter.json),
            ]
            try StandardStreams.write(try JSONOutput.string(object))
        case .text:
            var lines = ["file: \(file)", "units: \(statistics.units)"]
            lines.append("languages:")
            for entry in statistics.variantsPerLanguage { lines.append("  \(entry.language.canonical): \(entry.count)") }
            lines.append("srclang: \(sourceLanguageLabel(header) ?? "(none)")")
            if let tool = header.creationTool { lines.append("created by: \(tool)\(header.creationToolVersion.map { " " + $0 } ?? "")") }
            if let format = header.originalFormat { lines.append("original format: \(format)") }
            if !header.properties.isEmpty { lines.append("header props: \(header.properties.count)") }
            lines.append("findings: \(statistics.diagnostics.count)")
            try StandardStreams.write(lines.joined(separator: "\n"))
            DiagnosticPrinter.printToStandardError(statistics.diagnostics)
        }
    }

    private func sourceLanguageLabel(_ header: TMXHeader) -> String? {
        guard let value = header.sourceLanguage else { return nil }
        return header.isMultilingualSource ? "*all*" : LanguageTag(value).canonical
    }
}
