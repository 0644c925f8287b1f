import ArgumentParser
import Concord

/// `--langs`, shared by the commands that copy units.
struct LanguageListOption: ParsableArguments {
    @Option(name: .long, help: "Languages to keep, comma-separated; 'en' keeps every en-* variant.")
    var langs: String?

    var tags: [LanguageTag] {
        (langs ?? "").split(separator: ",").map { LanguageTag(String($0)) }.filter { !$0.canonical.isEmpty }
    }
}
