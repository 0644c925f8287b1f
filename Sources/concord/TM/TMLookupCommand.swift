import ArgumentParser
import Concord
import Foundation

struct TMLookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Find exact, context and fuzzy matches for a sentence or a file of sentences.",
        discussion: """
        Scores: floor(100 × (L − d) / L) over tokens (words, numbers, punctuation, codes; one per Chinese \
        character), numbers and codes as placeholders; 100 only for identical text and codes, 99–95 when \
        only numbers, codes, case, spaces or punctuation differ (numbers substituted into the target); \
        101 when the previous sentence also matches, 102 when the next does too; memory penalties last.

        JSON: one line per query: {"query", "micros", "matches": [{"score", "source", "target", "tuid", \
        "origin", "diff", "substitutions": [{"from", "inFuzzyMatch", "placed", "to"}], "deductions", "adaptedTarget"}]}

        Examples:
          concord tm lookup "The SCO summit opened in Astana." --tm \\
              TMX/un-testset.en-ru-zh.tmx --from en --to ru
          concord tm lookup --queries release.txt --tm old.tmx:5 --tm new.tmx \\
              --from en --to zh --json
        """
    )

    @Argument(help: "The sentence to look up (or use --queries).")
    var text: String?

    @Option(help: "A document (txt, md, html) whose sentences are looked up in turn; neighbouring sentences give the context for 101/102.")
    var queries: String?

    @Flag(help: "The --queries file has one sentence per line already: do not segment it.")
    var presegmented = false

    @Option(help: "A memory file (.tmx, .csv, .tsv), optionally with a penalty: FILE:5. Repeatable.")
    var tm: [String] = []

    @Option(help: "A memory store made with concord tm import. Repeatable.")
    var db: [String] = []

    @Option(help: "Source language.")
    var from: String

    @Option(help: "Target language.")
    var to: String

    // `.unconditional`: `--min -5` is a number to refuse, not a missing value.
    @Option(parsing: .unconditional, help: "Minimum score (0–100).")
    var min: Int = 50

    @Option(parsing: .unconditional, help: "Matches per sentence.")
    var limit: Int = 5

    @OptionGroup var input: EncodingOption

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try LanguageValidation.check(from, option: "--from")
        try LanguageValidation.check(to, option: "--to")
        if tm.isEmpty && db.isEmpty { throw ValidationError("name a memory with --db STORE or --tm FILE (.tmx, .csv, .tsv)") }
        if (text == nil) == (queries == nil) { throw ValidationError("give either a sentence or --queries FILE") }
        if !(0...100).contains(min) { throw ValidationError("--min must be between 0 and 100") }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let memory = try MemoryLoadRequest(files: tm.map { try MemoryLookup.Source(argument: $0) }, stores: db,
                                           from: LanguageTag(from), to: LanguageTag(to)).run()
        DiagnosticPrinter.printToStandardError(memory.diagnostics.filter { $0.severity == .error || $0.id.hasPrefix("memory.") })
        var lines: [String]
        if let queries {
            let segments = try TermLookup.segments(InputLocation(argument: queries), language: LanguageTag(from), presegmented: presegmented,
                                                   encoding: input.encoding)
            lines = segments
        } else {
            lines = [text!]
        }
        let json = JSONStreamWriter(linesOnly: true)
        do {
            try lookUp(lines, in: memory.index, into: json)
        } catch {
            // What was answered stays, as whole lines; the error follows on stderr.
            try? json.flushCompleteRecords()
            throw error
        }
        try json.flush()
    }

    private func lookUp(_ lines: [String], in index: TranslationMemoryIndex, into json: JSONStreamWriter) throws {
        for (position, line) in lines.enumerated() {
            // Neighbours give context matches (101, 102) when the queries are a document's sentences.
            let previous = queries != nil && position > 0 ? lines[position - 1] : nil
            let next = queries != nil && position + 1 < lines.count ? lines[position + 1] : nil
            let result = try LookupRequest(query: line, previous: previous, next: next, minimum: min, limit: limit).run(in: index)
            switch output.effectiveFormat {
            case .json:
                try json.value(result)
                try json.raw("\n")
            case .text:
                var out = "\(line)\n"
                if result.matches.isEmpty { out += "  (no match at \(min) or more)\n" }
                for match in result.matches {
                    out += "  \(match.score)%  \(match.adaptedTarget ?? match.target)\n"
                    out += "        source: \(match.source)  [\(match.origin)\(match.tuid.map { " #\($0)" } ?? "")]\n"
                    let changes = match.diff.filter { !$0.hasPrefix("=") }
                    if !changes.isEmpty { out += "        differences: \(changes.joined(separator: " "))\n" }
                    if !match.deductions.isEmpty { out += "        deductions: \(match.deductions.joined(separator: "; "))\n" }
                }
                try json.raw(out)
            }
            try json.endRecord()
        }
    }
}
