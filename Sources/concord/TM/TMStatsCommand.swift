import ArgumentParser
import Concord
import Foundation

struct TMStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count the units of a store and its variants per language.",
        discussion: "Example:\n  concord tm stats --db sco.tmdb --json"
    )

    @OptionGroup var store: StoreOption
    @OptionGroup var output: OutputOptions

    func run() throws {
        let statistics = try MemoryStore(path: store.db, access: .readOnly).statistics()
        switch output.effectiveFormat {
        case .json: try StandardStreams.writeJSON(statistics)
        case .text:
            var lines = ["units: \(statistics.units)", "languages:"]
            for (language, count) in statistics.languages.sorted(by: { $0.key < $1.key }) { lines.append("  \(language): \(count)") }
            try StandardStreams.write(lines.joined(separator: "\n"))
        }
    }
}
