import ArgumentParser
import Concord
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check translations for terminology, consistency, numbers, tags and punctuation.",
        discussion: """
        Checks (errors unless said): missing-term, deprecated-term, inconsistent-source (warning), \
        inconsistent-target (warning), term-variant (warning), number-mismatch, untranslated, \
        tag-mismatch, punctuation (warning). Each is `check.<name>` in `concord diagnostics`.

        A finding is kept quiet by a note on its unit (TMX <prop type="x-concord-ignore">missing-term</prop>, \
        XLIFF <note>concord-ignore: missing-term</note>), or by an ignore list: --update-ignore writes \
        the fingerprints of today's findings to --ignore FILE, and the next run leaves them out.

        JSON: {"findings": [{"check", "id", "severity", "tuid", "source", "target", "sourceSpan", \
        "targetSpan", "related", "message"}], "summary": {"units", "findings", "errors", "warnings", "checks"}}.
        Exit status 1 when any finding is an error.

        Examples:
          concord check translated.tmx --from en --to ru --glossary Glossaries/sco.tbx
          concord check --db sco.tmdb --from en --to zh --format html -o report.html
          concord check --source release.en.txt --target release.ru.html --from en --to ru
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, html }

    @Argument(help: "A TMX, XLIFF (1.2 or 2.0), CSV or TSV file.")
    var file: String?

    @Option(help: "Check a whole memory store instead.")
    var db: String?

    @Option(help: "A document (txt, md, html) whose translation is --target: they are aligned first.")
    var source: String?

    @Option(help: "The translation of --source.")
    var target: String?

    @Option(help: "Source language.")
    var from: String

    @Option(help: "Target language.")
    var to: String

    @Option(help: "A glossary (.tbx, .csv, .tsv); repeat for several. Default: the SCO glossary shipped with Concord.")
    var glossary: [String] = []

    @Option(help: "Report format: text, json or html.")
    var format: Format = .text

    @Option(name: .shortAndLong, help: "Write the report here instead of standard output.")
    var output: String?

    @Option(help: "Run only these checks (comma-separated).")
    var checks: String?

    @Option(help: "Leave out these checks (comma-separated).")
    var skip: String?

    @Option(help: "Settings per check as JSON: {\"checks\": {\"punctuation\": \"off\", \"term-variant\": \"error\"}}.")
    var config: String?

    @Option(help: "A list of findings already reviewed (fingerprints, one a line); they are not reported.")
    var ignore: String?

    @Flag(help: "Add today's findings to the --ignore list (after reviewing them).")
    var updateIgnore = false

    func validate() throws {
        try LanguageValidation.check(from, option: "--from")
        try LanguageValidation.check(to, option: "--to")
        let inputs = [file != nil, db != nil, source != nil || target != nil].filter { $0 }.count
        if inputs != 1 { throw ValidationError("check one thing: a FILE, --db STORE, or --source DOC --target DOC") }
        if (source == nil) != (target == nil) { throw ValidationError("--source and --target go together: a document and its translation") }
        if updateIgnore && ignore == nil { throw ValidationError("--update-ignore writes to the --ignore FILE: name it") }
        for name in [checks, skip].compactMap({ $0 }).flatMap({ $0.split(separator: ",") }) where CheckName(rawValue: String(name)) == nil {
            throw ValidationError("'\(name)' is not a check; the checks are \(CheckName.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        var configuration = CheckConfiguration()
        if let checks { configuration.enabled = Set(checks.split(separator: ",").compactMap { CheckName(rawValue: String($0)) }) }
        if let skip { configuration.enabled.subtract(skip.split(separator: ",").compactMap { CheckName(rawValue: String($0)) }) }
        if let config { configuration = try CheckConfiguration.read(InputLocation(argument: config), onto: configuration) }
        let ignoreList = try ignore.map { try IgnoreList.read(InputLocation(argument: $0)) } ?? IgnoreList()
        let input: CheckRequest.Input = if let db { .store(db) } else if let file { .file(InputLocation(argument: file)) }
            else { .documents(source: InputLocation(argument: source!), target: InputLocation(argument: target!)) }
        let request = CheckRequest(input: input, sourceLanguage: LanguageTag(from), targetLanguage: LanguageTag(to),
                                   glossaries: glossary.isEmpty ? nil : glossary.map(InputLocation.init(argument:)),
                                   configuration: configuration, ignoredFingerprints: updateIgnore ? [] : ignoreList.fingerprints)
        let outcome = try request.spool()
        DiagnosticPrinter.printToStandardError(outcome.diagnostics.filter { $0.severity == .error })
        let summary = outcome.summary
        if updateIgnore, let ignore {
            var list = ignoreList
            try outcome.findings.forEach { list.add($0) }
            try TextOutput.write(list.text, to: OutputLocation(argument: ignore))
            StandardStreams.writeError("\(ignore): \(summary.findings) finding\(summary.findings == 1 ? "" : "s") added; they will not be reported again")
            return
        }
        let reportFormat = CheckReport.Format(rawValue: format.rawValue)!
        if let output {
            let file = try AtomicOutputFile(OutputLocation(argument: output), inputs: [file, source, target].compactMap { $0 }.map(InputLocation.init(argument:)))
            do {
                try CheckReport.write(outcome, format: reportFormat) { try file.write($0) }
                try file.commit()
            } catch {
                file.discard()
                throw error
            }
            StandardStreams.writeError("\(summary.units) units checked: \(summary.errors) errors, \(summary.warnings) warnings; report in \(output)")
        } else {
            try CheckReport.write(outcome, format: reportFormat, colour: isatty(1) == 1) { try StandardOutput.write($0) }
        }
        if outcome.hasErrors { throw ExitCode(1) }
    }
}

