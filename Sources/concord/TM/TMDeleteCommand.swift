import ArgumentParser
import Concord
import Foundation

struct TMDeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete the units with a tuid from a store.",
        discussion: "Example:\n  concord tm delete --db sco.tmdb --tuid 1234"
    )

    @OptionGroup var store: StoreOption

    @Option(help: "The tuid of the units to delete.")
    var tuid: String

    func run() throws {
        let deleted = try MemoryStoreWorkflow.delete(tuid: tuid, from: MemoryStore(path: store.db, access: .changeExisting))
        // Nothing to delete is not an error (exit 1 is for findings): a warning says so.
        StandardStreams.writeError(deleted == 0 ? "warning: no unit matched tuid \(tuid); nothing deleted"
                                                : "\(deleted) unit\(deleted == 1 ? "" : "s") deleted")
    }
}
