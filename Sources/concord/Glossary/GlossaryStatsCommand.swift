import ArgumentParser
import Concord
import Foundation

struct GlossaryStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count concepts, and terms per language, status and type.",
        discussion: "Example:\n  concord glossary stats Glossaries/sco.tbx --json"
    )

    @OptionGroup var file: GlossaryFileArgument

    @OptionGroup var output: OutputOptions

    func run() throws {
        let result = try GlossaryStatisticsRequest(glossary: file.location).run()
        DiagnosticPrinter.printToStandardError(result.diagnostics)
        let statistics = result.statistics
        let perLanguage = statistics.languages
        switch output.effectiveFormat {
        case .json:
            try StandardStreams.writeJSON(statistics)
        case .text:
            var lines = ["concepts: \(statistics.concepts)"]
            for language in result.languages {
                let counts = perLanguage[language.canonical] ?? [:]
                let details = counts.filter { $0.key != "terms" }.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                lines.append("  \(language.canonical): \(counts["terms"] ?? 0) terms (\(details))")
            }
            try StandardStreams.write(lines.joined(separator: "\n"))
        }
    }
}
