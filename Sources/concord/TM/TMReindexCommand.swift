import ArgumentParser
import Concord
import Foundation

struct TMReindexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex",
        abstract: "Rebuild the index files kept beside a store.",
        discussion: """
        Lookups map a store's index file (one per language pair, in STORE.index/) instead of building \
        the index at every start; commands that write the store keep the files in step, and a stale or \
        damaged file is rebuilt at the next lookup. This rebuilds them by hand: the pair given, else the \
        pairs the store has files for, else its source language against every other.

        Example:
          concord tm reindex --db sco.tmdb --from en --to ru
        """
    )

    @OptionGroup var store: StoreOption

    @Option(help: "The source language of the pair to index (with --to).")
    var from: String?

    @Option(help: "The target language of the pair to index (with --from).")
    var to: String?

    func validate() throws {
        guard (from == nil) == (to == nil) else { throw ValidationError("give both --from and --to, or neither") }
        if let from { try LanguageValidation.check(from, option: "--from") }
        if let to { try LanguageValidation.check(to, option: "--to") }
    }

    func run() throws {
        var pairs: [StoreIndexPair] = []
        if let from, let to { pairs.append(StoreIndexPair(from: LanguageTag(from), to: LanguageTag(to))) }
        let reports = try StoreIndexWorkflow.reindex(MemoryStore(path: store.db, access: .changeExisting), pairs: pairs)
        for report in reports {
            StandardStreams.writeError("\(report.from) → \(report.to): \(String(format: "%.1f MB", Double(report.bytes) / 1_000_000)) written to \(report.file)")
        }
    }
}
