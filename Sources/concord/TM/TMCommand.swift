import ArgumentParser

/// `concord tm ...`: translation memories.
struct TMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tm",
        abstract: "Translation memories: a persistent store, and exact, context and fuzzy matches, explained.",
        subcommands: [TMLookupCommand.self, TMConcordanceCommand.self, TMImportCommand.self, TMExportCommand.self, TMStatsCommand.self,
                      TMDeleteCommand.self, TMEditCommand.self, TMReindexCommand.self]
    )
}
