import ArgumentParser
import Concord
import Foundation

struct TMConcordanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concordance",
        abstract: "Find a word or phrase in a memory's sources or targets, with the aligned other side.",
        discussion: """
        Matching is folded (case, width, dashes, ё/е) and inflection-aware (Russian stems, English plurals).

        Example:
          concord tm concordance "Совет Безопасности" --db sco.tmdb --lang ru
        """
    )

    @Argument(help: "The word or phrase.")
    var phrase: String

    @Option(help: "A memory store.")
    var db: [String] = []

    @Option(help: "A memory file (.tmx, .csv, .tsv).")
    var tm: [String] = []

    @Option(name: [.customLong("lang"), .customLong("from")], help: "The language of the phrase (--from says the same).")
    var lang: String

    @Option(parsing: .unconditional, help: "At most this many lines.")
    var limit: Int = 100

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try LanguageValidation.check(lang, option: "--lang")
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
        if tm.isEmpty && db.isEmpty { throw ValidationError("name a memory with --db STORE or --tm FILE") }
    }

    func run() throws {
        let lines = try MemoryConcordance.search(phrase, language: LanguageTag(lang), stores: db.map { try MemoryStore(path: $0, access: .readOnly) },
                                                 files: tm.map(InputLocation.file), limit: limit)
        switch output.effectiveFormat {
        case .json:
            try StandardStreams.writeJSON(ConcordanceReport(lines))
        case .text:
            var out = ""
            for line in lines {
                let scalars = Array(line.found.segment.plainText.unicodeScalars)
                var marked = ""
                var position = 0
                for range in line.ranges {
                    marked += String(String.UnicodeScalarView(scalars[position..<range.lowerBound]))
                    marked += "[" + String(String.UnicodeScalarView(scalars[range])) + "]"
                    position = range.upperBound
                }
                marked += String(String.UnicodeScalarView(scalars[position...]))
                out += "\(line.found.language.canonical): \(marked)\n"
                for other in line.others { out += "  \(other.language.canonical): \(other.segment.plainText)\n" }
            }
            if lines.isEmpty { out = "no occurrence of '\(phrase)'\n" }
            try StandardOutput.write(out)
        }
    }
}
