import ArgumentParser
import Concord
import Foundation

struct TMEditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Replace the text of one language of a unit in a store (to fix a translation).",
        discussion: "Example:\n  concord tm edit --db sco.tmdb --tuid 1234 --lang ru --text \"Совет Безопасности ООН\""
    )

    @OptionGroup var store: StoreOption

    @Option(help: "The unit's tuid.")
    var tuid: String

    @Option(help: "The language whose text changes.")
    var lang: String

    @Option(help: "The new text.")
    var text: String

    func validate() throws {
        try LanguageValidation.check(lang, option: "--lang")
    }

    func run() throws {
        let changed = try MemoryConcordance.edit(tuid: tuid, language: LanguageTag(lang), text: text, in: MemoryStore(path: store.db, access: .changeExisting))
        if changed == 0 {
            StandardStreams.writeError("warning: no unit matched: none with tuid \(tuid) has a variant in \(LanguageTag(lang).canonical); nothing changed")
        } else {
            StandardStreams.writeError("\(changed) unit\(changed == 1 ? "" : "s") changed")
        }
    }
}
