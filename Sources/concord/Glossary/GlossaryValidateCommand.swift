import ArgumentParser
import Concord
import Foundation

struct GlossaryValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a glossary: duplicate terms, terms in two concepts, concepts without a preferred term.",
        discussion: "Exit status 1 when it finds errors.\n\nExample:\n  concord glossary validate Glossaries/sco.tbx"
    )

    @OptionGroup var file: GlossaryFileArgument

    @OptionGroup var output: OutputOptions

    func run() throws {
        let report = try GlossaryValidationRequest(glossary: file.location).run()
        switch output.effectiveFormat {
        case .json:
            try StandardStreams.writeJSON(report)
        case .text:
            for finding in report.diagnostics { try StandardStreams.write(finding.description) }
            try StandardStreams.write("\(file.location.name): \(counted(report.concepts, "concept")), \(counted(report.errors, "error")), \(counted(report.warnings, "warning"))")
        }
        if !report.valid { throw CommandFailure(status: .findings) }
    }
}
