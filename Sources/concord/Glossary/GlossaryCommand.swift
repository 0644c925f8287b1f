import ArgumentParser
import Concord
import Foundation

/// `concord glossary ...`: convert, look up, count and check glossaries.
struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Convert, look up, count and validate glossaries (TBX 2019/2008, CSV, TSV).",
        subcommands: [GlossaryConvertCommand.self, GlossaryLookupCommand.self, GlossaryStatsCommand.self, GlossaryValidateCommand.self]
    )
}

struct GlossaryConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a glossary; the format comes from each file's extension.",
        discussion: """
        .tbx is written as TBX 2019 (TBX-Basic, DCA style) unless --tbx2008 asks for a martif file. \
        CSV/TSV: a header row of language tags plus id, status:<lang>, type:<lang>, subjectField, \
        definition and note columns; several terms in a cell are separated by ;.

        Example:
          concord glossary convert Glossaries/sco.tbx -o sco.csv
        """
    )

    @Argument(help: "The glossary to read (.tbx, .csv, .tsv).")
    var input: String

    @Option(name: .shortAndLong, help: "The glossary to write (.tbx, .csv, .tsv).")
    var output: String

    @Flag(help: "Write TBX 2008 (martif) instead of TBX 2019.")
    var tbx2008 = false

    @OptionGroup var summary: OutputOptions

    func validate() throws {
        try ConversionSummary.check(output: output, format: summary.effectiveFormat)
    }

    func run() throws {
        let (source, destination) = (InputLocation(argument: input), OutputLocation(argument: output))
        try AtomicOutputFile.refuse(output: destination, ifAnyOf: [source])
        let glossary = try TermLookup.glossaries([source])[0]
        try GlossaryFile.write(glossary, to: destination, dialect: tbx2008 ? .tbx2008 : .tbx2019, inputs: [source])
        try ConversionSummary.print(read: glossary.concepts.count, written: glossary.concepts.count, diagnostics: [],
                                    text: "\(counted(glossary.concepts.count, "concept")) written to \(OutputLocation(argument: output).name)", format: summary.effectiveFormat)
    }
}

struct GlossaryLookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Show the concepts whose terms occur in TERM, with every language's terms.",
        discussion: "Example:\n  concord glossary lookup \"Совета Безопасности ООН\" --glossary Glossaries/sco.tbx --from ru"
    )

    @Argument(help: "A term or a phrase that contains terms (inflected forms are fine).")
    var term: String

    @Option(help: "The glossary (.tbx, .csv, .tsv); repeat for several.")
    var glossary: [String] = []

    @Option(help: "The language of TERM (default: every language in the glossary).")
    var from: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try LanguageValidation.check(from, option: "--from")
        if glossary.isEmpty { throw ValidationError("name a glossary with --glossary FILE") }
    }

    func run() throws {
        let inputs = glossary.map(InputLocation.init(argument:))
        let glossaries = try TermLookup.glossaries(inputs)
        DiagnosticPrinter.printToStandardError(TermLookup.languageWarnings(glossaries, inputs: inputs, languages: from.map { [LanguageTag($0)] } ?? []))
        let languages = from.map { [LanguageTag($0)] } ?? glossaries.flatMap(\.languages).reduce(into: [LanguageTag]()) { if !$0.contains($1) { $0.append($1) } }
        let found = try TermLookup.concepts(matching: term, in: glossaries, languages: languages)
        switch output.effectiveFormat {
        case .json:
            try StandardStreams.writeJSON(GlossaryLookupReport(found))
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

struct GlossaryStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count concepts, and terms per language, status and type.",
        discussion: "Example:\n  concord glossary stats Glossaries/sco.tbx --json"
    )

    @Argument(help: "The glossary (.tbx, .csv, .tsv).")
    var glossary: String

    @OptionGroup var output: OutputOptions

    func run() throws {
        let loaded = try TermLookup.glossaries([InputLocation(argument: glossary)])[0]
        if loaded.concepts.isEmpty {
            DiagnosticPrinter.printToStandardError([Diagnostic(DiagnosticCatalog.glossaryNoConcepts,
                                                               message: "the glossary has no concepts", file: glossary)])
        }
        let statistics = GlossaryStatistics(loaded)
        let perLanguage = statistics.languages
        switch output.effectiveFormat {
        case .json:
            try StandardStreams.writeJSON(statistics)
        case .text:
            var lines = ["concepts: \(loaded.concepts.count)"]
            for language in loaded.languages {
                let counts = perLanguage[language.canonical] ?? [:]
                let details = counts.filter { $0.key != "terms" }.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                lines.append("  \(language.canonical): \(counts["terms"] ?? 0) terms (\(details))")
            }
            try StandardStreams.write(lines.joined(separator: "\n"))
        }
    }
}

struct GlossaryValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a glossary: duplicate terms, terms in two concepts, concepts without a preferred term.",
        discussion: "Exit status 1 when it finds errors.\n\nExample:\n  concord glossary validate Glossaries/sco.tbx"
    )

    @Argument(help: "The glossary (.tbx, .csv, .tsv).")
    var glossary: String

    @OptionGroup var output: OutputOptions

    func run() throws {
        let loaded = try TermLookup.glossaries([InputLocation(argument: glossary)])[0]
        let report = GlossaryValidationReport(concepts: loaded.concepts.count, diagnostics: try GlossaryValidation.validate(loaded, file: glossary))
        switch output.effectiveFormat {
        case .json:
            try StandardStreams.writeJSON(report)
        case .text:
            for finding in report.diagnostics { try StandardStreams.write(finding.description) }
            try StandardStreams.write("\(glossary): \(counted(report.concepts, "concept")), \(counted(report.errors, "error")), \(counted(report.warnings, "warning"))")
        }
        if !report.valid { throw CommandFailure(status: .findings) }
    }
}
