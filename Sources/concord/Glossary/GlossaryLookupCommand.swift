import ArgumentParser
import Concord
import Foundation

struct GlossaryLookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Show the concepts whose terms occur in TERM, with every language's terms.",
        discussion: "Example:\n  concord glossary lookup \"Совета Безопасности ООН\" --glossary Glossaries/sco.tbx --lang ru"
    )

    @Argument(help: "A term or a phrase that contains terms (inflected forms are fine).")
    var term: String

    @Option(help: "The glossary (.tbx, .csv, .tsv); repeat for several.")
    var glossary: [String] = []

    @Option(name: [.customLong("lang"), .customLong("from")], help: "The language of TERM (default: every language in the glossary; --from says the same).")
    var lang: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try LanguageValidation.check(lang, option: "--lang")
        if glossary.isEmpty { throw ValidationError("name a glossary with --glossary FILE") }
    }

    func run() throws {
        let result = try GlossaryLookupRequest(term: term, glossaries: glossary.map(InputLocation.init(argument:)),
                                               language: lang.map(LanguageTag.init)).run()
        DiagnosticPrinter.printToStandardError(result.diagnostics)
        let found = result.found
        switch output.effectiveFormat {
        case .json:
            try StandardStreams.writeJSON(result.report)
        case .text:
            if found.isEmpty { try StandardStreams.write("no concept found for '\(term)'") }
            for entry in found {
                var lines = ["\(entry.concept.id)  (matched '\(entry.matched)')"]
                for language in entry.concept.languages {
                    let terms = entry.concept.terms(in: language).map { term in
                        term.text + (term.status == .preferred ? "" : " (\(term.status.rawValue))") + (term.type.map { " [\($0.rawValue)]" } ?? "")
                    }
                    lines.append("  \(language.canonical): \(terms.joined(separator: "; "))")
                }
                if let note = entry.concept.note { lines.append("  note: \(note)") }
                try StandardStreams.write(lines.joined(separator: "\n"))
            }
        }
    }
}
