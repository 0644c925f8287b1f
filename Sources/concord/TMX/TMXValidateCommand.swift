import ArgumentParser
import Concord

struct TMXValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a TMX file against TMX 1.4b: structure, required attributes, inline-code pairing, language tags.",
        discussion: """
        Exit status: 0 valid (warnings allowed), 1 errors found, 65 not readable as TMX at all.

        Example:
          concord tmx validate export.tmx
        """
    )

    @Argument(help: "The TMX file; - reads standard input.")
    var file: String

    @OptionGroup var output: OutputOptions

    func run() throws {
        let (units, diagnostics) = try TMXValidation.validate(path: file)
        let errors = diagnostics.filter { $0.severity == .error }.count
        switch output.effectiveFormat {
        case .json:
            let object: [String: Any] = ["valid": errors == 0, "tus": units, "errors": errors,
                                         "warnings": diagnostics.count - errors,
                                         "diagnostics": diagnostics.map(DiagnosticPrinter.json)]
            try StandardStreams.write(try JSONOutput.string(object))
        case .text:
            for diagnostic in diagnostics { try StandardStreams.write(diagnostic.description) }
            try StandardStreams.write("\(file): \(errors == 0 ? "valid" : "invalid") TMX, \(counted(units, "unit")), \(counted(errors, "error")), \(counted(diagnostics.count - errors, "warning"))")
        }
        if errors > 0 { throw CommandFailure(status: .findings) }
    }
}
