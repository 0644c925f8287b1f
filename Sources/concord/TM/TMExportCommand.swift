import ArgumentParser
import Concord
import Foundation

struct TMExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a store out as TMX (lossless), CSV, TSV or JSON Lines.",
        discussion: "Example:\n  concord tm export --db sco.tmdb -o sco.tmx --langs en,ru --since 2019-01-01"
    )

    @OptionGroup var store: StoreOption

    @Option(name: .shortAndLong, help: "Output file (.tmx, .csv, .tsv, .jsonl).")
    var output: String

    @OptionGroup var languages: LanguageListOption

    @OptionGroup var filters: UnitFilterOptions

    func run() throws {
        var selection = UnitSelection()
        selection.languages = languages.tags
        filters.apply(to: &selection)
        let written = try MemoryStoreWorkflow.export(MemoryStore(path: store.db, access: .readOnly), to: OutputLocation(argument: output), selection: selection)
        StandardStreams.writeError("\(counted(written, "unit")) written to \(OutputLocation(argument: output).name)")
    }
}
