import ArgumentParser

/// `concord tm ...`: translation memories.
struct TMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tm",
        abstract: "Look up sentences in translation memories: exact, context and fuzzy matches, explained.",
        subcommands: [TMLookupCommand.self]
    )
}
