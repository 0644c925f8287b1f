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
        let result = try TMXValidationRequest(input: InputLocation(argument: file)).run()
        switch output.effectiveFormat {
        case .json:
            try StandardStreams.writeJSON(result)
        case .text:
            for diagnostic in result.diagnostics { try StandardStreams.write(diagnostic.description) }
            try StandardStreams.write("\(file): \(result.valid ? "valid" : "invalid") TMX, \(counted(result.units, "unit")), \(counted(result.errors, "error")), \(counted(result.warnings, "warning"))")
        }
        if !result.valid { throw CommandFailure(status: .findings) }
    }
}
