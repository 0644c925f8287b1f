import ArgumentParser
import Concord

/// The summary of a command that writes a file (`tmx convert|merge|filter`, `tm import`,
/// `glossary convert`): a line on standard error, or with `--json` one object on standard
/// output, `{"read", "written", "merged", "skipped", "diagnostics"}`.
enum ConversionSummary {
    static func print(_ report: ConversionReport, text: String, format: OutputOptions.Format) throws {
        switch format {
        case .json:
            try StandardStreams.writeJSON(report)
        case .text:
            DiagnosticPrinter.printToStandardError(report.diagnostics)
            StandardStreams.writeError(text)
        }
    }

    /// `--json` puts the summary on standard output, where `-o -` would put the memory.
    static func check(output: String, format: OutputOptions.Format) throws {
        if format == .json, output == "-" {
            throw ValidationError("--json prints the summary on standard output: write the output to a file with -o FILE")
        }
    }
}
