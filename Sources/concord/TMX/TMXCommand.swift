import ArgumentParser

/// `concord tmx ...`: read, check, convert, merge and filter TMX files.
struct TMXCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tmx",
        abstract: "Inspect, validate, convert, merge and filter translation memories in TMX.",
        subcommands: [TMXStatsCommand.self, TMXValidateCommand.self, TMXConvertCommand.self,
                      TMXMergeCommand.self, TMXFilterCommand.self]
    )
}
