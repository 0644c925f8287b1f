import ArgumentParser
import Concord

/// `--langs`, shared by the commands that copy units.
struct LanguageListOption: ParsableArguments {
    @Option(name: .long, help: "Languages to keep, comma-separated; 'en' keeps every en-* variant.")
    var langs: String?

    func validate() throws {
        try LanguageValidation.checkList(langs, option: "--langs")
    }

    var tags: [LanguageTag] {
        (langs ?? "").split(separator: ",").map { LanguageTag(String($0)) }.filter { !$0.canonical.isEmpty }
    }
}

/// `--since` and `--prop`, shared by the commands that select units by date and prop.
struct UnitFilterOptions: ParsableArguments {
    @Option(help: "Keep units changed or created on or after this date (ISO 8601, e.g. 2019-04-24).")
    var since: String?

    @Option(help: "Keep units with this prop, TYPE=VALUE (repeatable; all must match).")
    var prop: [String] = []

    func validate() throws {
        if let since, Timestamp(iso8601: since) == nil {
            throw ValidationError("--since '\(since)' is not a date; use ISO 8601, e.g. 2019-04-24 or 20190424T000000Z")
        }
        for entry in prop where UnitSelection.parseProperty(entry) == nil {
            throw ValidationError("--prop '\(entry)' must be TYPE=VALUE, e.g. x-client=SCO")
        }
    }

    /// Puts the date and prop conditions into `selection`.
    func apply(to selection: inout UnitSelection) {
        selection.since = since.flatMap { Timestamp(iso8601: $0) }
        selection.properties = prop.compactMap(UnitSelection.parseProperty)
    }
}
