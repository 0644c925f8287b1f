import ArgumentParser
import Concord
import Foundation

struct TMStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count the units of a store and its variants per language; show its index files.",
        discussion: "Example:\n  concord tm stats --db sco.tmdb --json"
    )

    @OptionGroup var store: StoreOption
    @OptionGroup var output: OutputOptions

    func run() throws {
        let report = try StoreIndexWorkflow.report(MemoryStore(path: store.db, access: .readOnly))
        switch output.effectiveFormat {
        case .json: try StandardStreams.writeJSON(report)
        case .text:
            var lines = ["units: \(report.units)", "languages:"]
            for (language, count) in report.languages.sorted(by: { $0.key < $1.key }) { lines.append("  \(language): \(count)") }
            lines.append("generation: \(report.generation.map(String.init) ?? "none (a store of an older layout: import into it once)")")
            lines.append(report.indexes.isEmpty ? "indexes: none yet (the first lookup of a language pair builds one)" : "indexes:")
            for index in report.indexes {
                let size = String(format: "%.1f MB", Double(index.bytes) / 1_000_000)
                let built = index.built.map { ", built \($0) at generation \(index.generation ?? 0)" } ?? ""
                lines.append("  \(index.from) → \(index.to): \(size)\(built): \(index.state)\(index.problem.map { " (\($0))" } ?? "")")
            }
            try StandardStreams.write(lines.joined(separator: "\n"))
        }
    }
}
