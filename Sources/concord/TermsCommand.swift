import ArgumentParser
import Concord
import Foundation

struct TermsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terms",
        abstract: "Find glossary terms in a document and suggest the standard target terms.",
        discussion: """
        Recognition survives inflection (Russian stems, English plurals and possessives), case (but \
        acronyms such as SCO match only as written), line breaks and no-break spaces; Chinese is matched \
        character by character; the longest term wins and no term spans a sentence end.

        Text: one line per segment, each hit as [term → suggestions]. JSON: {"segments": [{"index", "text", \
        "hits": [{"concept", "text", "start", "end", "term", "status", "type", "targets": [{"language", "term", \
        "status", "type"}]}]}]}, offsets in Unicode scalars into the segment text.

        Example:
          concord terms release.txt --glossary Glossaries/sco.tbx --from en --to ru
        """
    )

    @Argument(help: "The document (.txt, .md, .html); - reads standard input.")
    var file: String = "-"

    @Option(help: "A glossary (.tbx, .csv, .tsv); repeat for several.")
    var glossary: [String] = []

    @Option(help: "The document's language.")
    var from: String

    @Option(help: "The target language for suggestions; without it, every other language.")
    var to: String?

    @Flag(help: "The input has one segment per line (no sentence segmentation).")
    var presegmented = false

    @OptionGroup var input: EncodingOption

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try LanguageValidation.check(from, option: "--from")
        try LanguageValidation.check(to, option: "--to")
        if glossary.isEmpty { throw ValidationError("name a glossary with --glossary FILE (.tbx, .csv or .tsv)") }
    }

    func run() throws {
        let source = LanguageTag(from)
        let result = try TermsRequest(input: InputLocation(argument: file), glossaries: glossary.map(InputLocation.init(argument:)),
                                      language: source, targetLanguages: to.map { [LanguageTag($0)] } ?? [],
                                      presegmented: presegmented, encoding: input.encoding).run()
        DiagnosticPrinter.printToStandardError(result.diagnostics)
        let (segments, targetLanguages) = (result.segments, result.targetLanguages)
        switch output.effectiveFormat {
        case .json:
            // Streamed: a long document has hundreds of thousands of hits.
            let json = JSONStreamWriter()
            try json.raw("{\"segments\":[")
            for (position, report) in result.reports.enumerated() {
                if position > 0 { try json.raw(",") }
                try json.value(report)
            }
            try json.raw("]}\n")
            try json.flush()
        case .text:
            var textCache: [String: [String]] = [:]
            var out = ""
            for segment in segments {
                var line = ""
                var cursor = segment.text.unicodeScalars.startIndex
                var offset = 0
                for hit in segment.hits {
                    guard hit.range.lowerBound >= offset else { continue }
                    let start = segment.text.unicodeScalars.index(cursor, offsetBy: hit.range.lowerBound - offset)
                    let end = segment.text.unicodeScalars.index(start, offsetBy: hit.range.count)
                    line += String(segment.text.unicodeScalars[cursor..<start])
                    let cacheKey = hit.concept.id + "\u{1}" + (hit.term.type?.rawValue ?? "")
                    let suggestions = textCache[cacheKey] ?? targetLanguages.flatMap { hit.suggestions(in: $0) }.map(\.text)
                    textCache[cacheKey] = suggestions
                    var mark = "[" + hit.text
                    if hit.term.status == .deprecated || hit.term.status == .superseded {
                        let preferred = hit.concept.suggestions(in: source, forSourceType: nil).first?.text ?? "?"
                        mark += " (\(hit.term.status.rawValue): use \(preferred))"
                    }
                    if !suggestions.isEmpty { mark += " → " + suggestions.joined(separator: " | ") }
                    line += mark + "]"
                    cursor = end
                    offset = hit.range.upperBound
                }
                line += String(segment.text.unicodeScalars[cursor...])
                out += line + "\n"
            }
            try StandardOutput.write(out)
        }
    }
}
