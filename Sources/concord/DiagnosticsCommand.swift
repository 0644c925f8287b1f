import ArgumentParser
import Concord

struct DiagnosticsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnostics",
        abstract: "List every finding Concord reports: its id, severity and what it means.",
        discussion: """
        The severity is the one every command uses; tmx validate judges findings that make a file \
        invalid TMX 1.4b as errors (shown as "error in tmx validate").

        JSON: {"diagnostics": [{"id", "severity", "strictSeverity", "summary"}]}

        Example:
          concord diagnostics --json
        """
    )

    @OptionGroup var output: OutputOptions

    func run() throws {
        let report = DiagnosticCatalogReport()
        switch output.effectiveFormat {
        case .json:
            try StandardStreams.writeJSON(report)
        case .text:
            let width = report.diagnostics.map(\.id.count).max() ?? 0
            let lines = report.diagnostics.map { kind in
                let severity = kind.strictSeverity == kind.severity
                    ? kind.severity.rawValue : "\(kind.severity.rawValue) (error in tmx validate)"
                return kind.id.padding(toLength: width + 2, withPad: " ", startingAt: 0) + severity + "\n    " + kind.summary
            }
            try StandardStreams.write(lines.joined(separator: "\n"))
        }
    }
}
