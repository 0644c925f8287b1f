import ArgumentParser
import Concord
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct PrepareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prepare",
        abstract: "Prepare releases for translation: XLIFF with memory matches and glossary terms, an analysis, a report and a draft.",
        discussion: """
        Each release is segmented; every segment is looked up in the memories (context 101/102, exact \
        and fuzzy matches) and the glossaries (the SCO glossary shipped with Concord unless --glossary or \
        --no-glossary says otherwise). The XLIFF has a group per paragraph and a unit per segment, the \
        best matches (2.0: Translation Candidates module; 1.2: alt-trans), the terms with their \
        translations (2.0: Glossary module; 1.2: notes), context and 100% matches filled in as the \
        target, and the original as a skeleton for `concord finish`.

        One release and one target language: -o is the XLIFF file. Several releases (or a folder), or \
        several languages: -o is a folder and gets NAME.LANG.xlf for each.

        The analysis (printed, and --analysis as JSON) counts segments and words per band in Trados \
        Studio's order: context, repetition, 100%, 95-99, 85-94, 75-84, 50-74, no match; weighted words \
        with the rates of --weights FILE ({"101": 0, "repetition": 0.1, "100": 0.1, "95-99": 0.3, \
        "85-94": 0.6, "75-84": 0.8, "50-74": 1, "none": 1} by default).

        Example:
          concord prepare Examples/2019-04-24-moscow-conference.en.txt --from en --to ru \\
              --tm TMX/un-testset.en-ru-zh.tmx --glossary Glossaries/sco.tbx \\
              -o release.ru.xlf --report report.html
        """
    )

    @Argument(help: "The releases (txt, md, html), or folders of them.")
    var releases: [String]

    @Option(help: "The releases' language.")
    var from: String

    @Option(help: "The target language; several, comma-separated (ru,zh).")
    var to: String

    @Option(help: "A memory file (.tmx, .csv, .tsv, .xlf), optionally with a penalty: FILE:5. Repeatable.")
    var tm: [String] = []

    @Option(help: "A memory store made with concord tm import. Repeatable.")
    var db: [String] = []

    @Option(help: "A glossary (.tbx, .csv, .tsv); repeat for several. Default: the SCO glossary shipped with Concord.")
    var glossary: [String] = []

    @Flag(help: "Use no glossary.")
    var noGlossary = false

    @Option(name: .shortAndLong, help: "The XLIFF file, or a folder for several releases or languages.")
    var output: String

    @Option(help: "XLIFF version: 2.0 or 1.2.")
    var xliff: XLIFFVersion = .v2_0

    @Option(help: "Lock context matches (101) or context and 100% matches (100): translate=\"no\".")
    var lock: PrepareRequest.Lock?

    @Flag(help: "Give untranslated units their source as the target (state initial/needs-translation): OmegaT 3.6 translates the target's text.")
    var copySource = false

    @Option(help: "Write the HTML report here.")
    var report: String?

    @Option(help: "Write the analysis here as JSON.")
    var analysis: String?

    @Option(help: "Write the release rebuilt with exact, context and 95%+ matches filled in (a folder for several).")
    var draft: String?

    @Option(help: "Rates per band as JSON, a fraction of the full rate: {\"101\": 0, \"100\": 0.1, ...}.")
    var weights: String?

    @OptionGroup var input: EncodingOption

    private var targetLanguages: [LanguageTag] { to.split(separator: ",").map { LanguageTag(String($0).trimmingCharacters(in: .whitespaces)) } }

    func validate() throws {
        try LanguageValidation.check(from, option: "--from")
        for language in targetLanguages { try LanguageValidation.check(language.canonical, option: "--to") }
        if noGlossary && !glossary.isEmpty { throw ValidationError("--no-glossary and --glossary contradict each other: give one of them") }
    }

    func run() throws {
        let files = try PrepareInputs.expand(releases)
        let request = PrepareRequest(releases: files.map(InputLocation.file), sourceLanguage: LanguageTag(from), targetLanguages: targetLanguages,
                                     memories: try tm.map { try MemoryLookup.Source(argument: $0) }, stores: db,
                                     glossaries: noGlossary ? [] : glossary.isEmpty ? nil : glossary.map(InputLocation.init(argument:)),
                                     lock: lock, weights: try PrepareInputs.weights(weights), encoding: input.encoding)
        let terminal = isatty(2) == 1
        let result = try request.run { done, total in
            if terminal { StandardStreams.writeError("\rprepared \(done) of \(total)\u{1B}[K", newline: done == total) }
        }
        DiagnosticPrinter.printToStandardError(result.diagnostics)
        let several = result.releases.count > 1
        if several { try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true) }
        // Two releases that differ only by their extension (x.en.html, x.en.md) keep it in their names.
        let bases = result.releases.map { PrepareInputs.name($0, extension: "") }
        for release in result.releases {
            let clash = bases.filter { $0 == PrepareInputs.name(release, extension: "") }.count > 1
            let name = PrepareInputs.name(release, extension: "xlf", keepingFormat: clash)
            let path = several ? (output as NSString).appendingPathComponent(name) : output
            try TextOutput.write(String(decoding: try XLIFFWriter.data(release.xliff(xliff, copySource: copySource)), as: UTF8.self), to: .file(path), inputs: request.releases)
            let filled = release.segments.filter { $0.prefilled != nil }.count
            StandardStreams.writeError("\(release.name) → \(path): \(counted(release.segments.count, "segment")), \(filled) filled in from the memory"
                + (release.unplaced.isEmpty ? "" : "; \(release.unplaced.count) not placed in the skeleton (inline markup): \(release.unplaced.joined(separator: ", "))"))
            if let draft {
                let draftPath = several ? (draft as NSString).appendingPathComponent(PrepareInputs.name(release, extension: release.format, keepingFormat: clash)) : draft
                if several { try FileManager.default.createDirectory(atPath: draft, withIntermediateDirectories: true) }
                try TextOutput.write(ReleaseAssembly.draft(release), to: .file(draftPath), inputs: request.releases)
            }
        }
        if let report {
            try TextOutput.write(PreparationReportPage(releases: result.releases, analyses: result.analyses).html(), to: .file(report), inputs: request.releases)
        }
        if let analysis {
            let json = result.analyses.count == 1 ? try ConcordJSON.string(result.analyses.values.first!) : try ConcordJSON.string(result.analyses)
            try TextOutput.write(json + "\n", to: .file(analysis), inputs: request.releases)
        }
        for language in result.analyses.keys.sorted() {
            try StandardStreams.write((result.analyses.count > 1 ? "\(language):\n" : "") + result.analyses[language]!.table())
        }
    }
}

extension XLIFFVersion: ExpressibleByArgument {}
extension PrepareRequest.Lock: ExpressibleByArgument {}

/// What `prepare` reads: releases named or found in folders, and the rates of --weights.
enum PrepareInputs {
    static func expand(_ arguments: [String]) throws -> [String] {
        try arguments.flatMap { argument -> [String] in
            guard (try? InputLocation.file(argument).requireDirectory()) != nil else { return [argument] }
            let names = try FileManager.default.contentsOfDirectory(atPath: argument).sorted()
            let documents = names.filter { DocumentFormat(path: $0) != nil }.map { (argument as NSString).appendingPathComponent($0) }
            if documents.isEmpty { throw ValidationError("\(argument): no release in it (.txt, .md, .html)") }
            return documents
        }
    }

    static func weights(_ path: String?) throws -> AnalysisWeights {
        guard let path else { return .standard }
        try InputLocation.file(path).requireExisting()
        do {
            return try JSONDecoder().decode(AnalysisWeights.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch let error as DecodingError {
            throw ValidationError("\(path): not a table of rates per band ({\"101\": 0, \"100\": 0.1, ...}): \(error)")
        }
    }

    /// NAME.LANG.EXT for a release: its file name without extension (and without a language tag of its own).
    static func name(_ release: PreparedRelease, extension ext: String, keepingFormat: Bool = false) -> String {
        var base = (release.name as NSString).deletingPathExtension
        let tag = "." + release.sourceLanguage.canonical
        if base.hasSuffix(tag) { base = String(base.dropLast(tag.count)) }
        return "\(base)\(keepingFormat ? "-" + release.format : "").\(release.targetLanguage.canonical).\(ext)"
    }
}
