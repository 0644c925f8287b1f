import ArgumentParser
import Concord
import Foundation

/// `--db`, shared by the store commands.
struct StoreOption: ParsableArguments {
    @Option(help: "The memory store (an SQLite file; created on import).")
    var db: String
}
