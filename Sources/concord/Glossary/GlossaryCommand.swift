import ArgumentParser
import Concord
import Foundation

/// `concord glossary ...`: convert, look up, count and check glossaries.
struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Convert, look up, count and validate glossaries (TBX 2019/2008, CSV, TSV).",
        subcommands: [GlossaryConvertCommand.self, GlossaryLookupCommand.self, GlossaryStatsCommand.self, GlossaryValidateCommand.self]
    )
}
