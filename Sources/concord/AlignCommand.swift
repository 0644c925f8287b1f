import ArgumentParser
import Concord
#if canImport(Glibc)
import Glibc
#endif

struct AlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Align a document with its translation, sentence by sentence, into translation units.",
        discussion: """
        Both documents are segmented with Concord's rules (or read one sentence per line with \
        --presegmented). Beads 1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1 and 1-3 are scored by sentence length \
        under the length ratio of this pair (English-Chinese needs no setting) and by the numbers, \
        acronyms, names and glossary terms both sides share (the SCO glossary shipped with Concord unless \
        --glossary or --no-glossary says otherwise). Each bead has a confidence; with -o, beads below \
        --min-confidence and beads with one side empty are left out of the memory.

        Output without -o: each bead with its confidence and sentences; --beads prints one bead a line \
        as [0]:[0, 1] (the form alignment scorers read); --json prints {"sourceSentences", \
        "targetSentences", "beads": [{"source", "target", "confidence"}]}.

        Examples:
          concord align Examples/release.en.txt release.ru.txt --from en --to ru
          concord align en.txt zh.txt --from en --to zh -o release.tmx
        """
    )

    @Argument(help: "The source document (txt, md, html; - reads standard input), then its translation — or one translation per language of --to.")
    var documents: [String]

    @Option(help: "The source document's language.")
    var from: String

    @Option(help: "The translation's language; several, comma-separated, for one translation each (ru,zh).")
    var to: String

    private var source: String { documents[0] }
    private var target: String { documents[1] }
    private var targetLanguages: [String] { to.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }

    @Flag(help: "Both files hold one sentence per line.")
    var presegmented = false

    @Option(name: .shortAndLong, help: "Write to this file, in the format --format names or its extension names (.tmx, .tsv, .json, .beads, .html; .csv and .jsonl: units).")
    var output: String?

    @Option(help: "What to write: tmx (translation units), beads ([0]:[0, 1] a line), tsv (every bead with its confidence, a table to correct and bring back with tm import), json, html (the review page). Default: from -o's extension; without -o, a readable listing.")
    var format: AlignmentOutputFormat?

    @Option(help: "Also write a side-by-side review page (self-contained HTML) here, low-confidence beads highlighted.")
    var review: String?

    @Option(help: "Add the aligned units to this memory store instead (created if missing; one transaction).")
    var db: String?

    @Option(help: "The lowest confidence (0-1) a bead needs to become a unit with -o or --db.")
    var minConfidence: Double = 0.5

    @Flag(help: "Short for --format beads.")
    var beads = false

    @Flag(help: "Short for --format json.")
    var json = false

    @Option(help: "A glossary whose terms anchor the alignment (SCO = ШОС = 上合组织); repeat for several. Default: the SCO glossary shipped with Concord.")
    var glossary: [String] = []

    @Flag(help: "Use no glossary.")
    var noGlossary = false

    @OptionGroup var input: EncodingOption

    func validate() throws {
        try LanguageValidation.check(from, option: "--from")
        for language in targetLanguages { try LanguageValidation.check(language, option: "--to") }
        if documents.contains(where: isFolder), !documents.allSatisfy(isFolder) {
            throw ValidationError("give folders for all the languages, or documents for all")
        }
        guard documents.count == targetLanguages.count + 1 else {
            throw ValidationError("give the source document and one translation per language of --to (\(targetLanguages.count) for --to \(to))")
        }
        guard (0...1).contains(minConfidence) else { throw ValidationError("--min-confidence is between 0 and 1") }
        if documents.filter({ $0 == "-" }).count > 1 { throw ValidationError("only one of the documents can come from standard input") }
        if [format != nil, beads, json].filter({ $0 }).count > 1 { throw ValidationError("give one of --format, --beads and --json") }
        if let output, format == nil, !beads, !json, AlignmentOutputFormat(fileName: output) == nil {
            throw ValidationError("say what to write to \(output) with --format tmx|beads|tsv|json|html (its extension names none of them)")
        }
        if documents.count > 2 && outputFormat == .beads { throw ValidationError("beads are the beads of one pair: align two documents") }
        if noGlossary && !glossary.isEmpty { throw ValidationError("--no-glossary and --glossary contradict each other: give one of them") }
        if output != nil && db != nil { throw ValidationError("write the units to a file (-o) or a store (--db), not both") }
    }

    /// The format in force: --format, its short flags, -o's extension; nil: a readable listing.
    private var outputFormat: AlignmentOutputFormat? {
        format ?? (beads ? .beads : json ? .json : output.flatMap(AlignmentOutputFormat.init(fileName:)))
    }

    private var destination: OutputLocation { output.map(OutputLocation.init(argument:)) ?? .standardOutput }

    private var glossaries: [InputLocation]? { noGlossary ? [] : glossary.isEmpty ? nil : glossary.map(InputLocation.init(argument:)) }

    func run() throws {
        if let db, let created = MemoryStoreWorkflow.newStore(at: db) {
            // Ctrl-C before the first document is added leaves no store behind, as with tm import.
            Interruption.undoOnInterrupt(store: db, emptyingOnly: created == .overEmptyFile)
        }
        if isFolder(source) { return try runArchive() }
        if documents.count > 2 { return try runMultilingual() }
        let (sourceLanguage, targetLanguage) = (LanguageTag(from), LanguageTag(to))
        let result = try AlignmentRequest(source: InputLocation(argument: source), target: InputLocation(argument: target),
                                          sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
                                          presegmented: presegmented, encoding: input.encoding,
                                          glossaries: glossaries).run()
        DiagnosticPrinter.printToStandardError(result.diagnostics)
        let sections = [AlignmentReviewPage.Section(title: "\(AlignmentReviewPage.fileName(source)) ~ \(AlignmentReviewPage.fileName(target))", sourceLanguage: sourceLanguage,
                                                     targetLanguage: targetLanguage, alignment: result)]
        if let db {
            let units = result.units(from: sourceLanguage, to: targetLanguage, minimumConfidence: minConfidence, document: source)
            let added = try MemoryStoreWorkflow.add(units, from: source, sourceLanguage: sourceLanguage, intoStoreAt: db)
            report(result, units: units.count, to: db)
            StandardStreams.writeError("\(db): \(added.added) added, \(added.merged) merged into existing units")
        }
        switch outputFormat {
        case .tmx?:
            let units = result.units(from: sourceLanguage, to: targetLanguage, minimumConfidence: minConfidence, document: source)
            try writeUnits(units, languages: [sourceLanguage, targetLanguage])
            report(result, units: units.count, to: destination.name)
        case .beads?: try TextOutput.write(AlignmentOutput.beadLines(result.beads), to: destination, inputs: inputs)
        case .json?: try TextOutput.write(ConcordJSON.string(result) + "\n", to: destination, inputs: inputs)
        case let other?: try writeReview(other, sections, to: destination)
        case nil where db == nil:
            try StandardStreams.write(result.beads.map { bead in
                ["\(bead.source):\(bead.target)  " + String(format: "%.2f", bead.confidence)]
                    + bead.source.map { "  \(sourceLanguage.canonical): \(result.sourceSentences[$0])" }
                    + bead.target.map { "  \(targetLanguage.canonical): \(result.targetSentences[$0])" }
            }.map { $0.joined(separator: "\n") }.joined(separator: "\n"))
        case nil: break
        }
        if let review { try writeReview(.html, sections, to: OutputLocation(argument: review)) }
    }

    private var inputs: [InputLocation] { documents.map(InputLocation.init(argument:)) }

    /// Units as TMX (or the memory format -o's extension names) to -o or standard output.
    private func writeUnits(_ units: [TranslationUnit], languages: [LanguageTag]) throws {
        try MemoryFileWriter.write(units, to: destination, sourceLanguage: LanguageTag(from), languages: languages, inputs: inputs)
    }

    /// The review table (TSV) or page (HTML).
    private func writeReview(_ format: AlignmentOutputFormat, _ sections: [AlignmentReviewPage.Section], to location: OutputLocation) throws {
        let text = format == .tsv ? AlignmentReviewTable.text(sections)
            : AlignmentReviewPage(sections: sections, minimumConfidence: minConfidence).html()
        try TextOutput.write(text, to: location, inputs: inputs)
        if case .file = location { StandardStreams.writeError("\(format == .tsv ? "review table" : "review page") written to \(location.name)") }
    }

    private func isFolder(_ path: String) -> Bool {
        (try? InputLocation.file(path).requireDirectory()) != nil
    }

    /// Folders of releases: each set of documents paired by name (or numbers) and aligned.
    private func runArchive() throws {
        let languages = targetLanguages.map(LanguageTag.init)
        let terminal = isatty(2) == 1
        let result = try ArchiveAlignmentRequest(folders: documents, sourceLanguage: LanguageTag(from), targetLanguages: languages,
                                                 encoding: input.encoding, glossaries: glossaries).run { done, total in
            if terminal { StandardStreams.writeError("\raligned \(done) of \(total)\u{1B}[K", newline: done == total) }
        }
        var units: [TranslationUnit] = []
        var addedToStore = 0
        for document in result.documents {
            let made = document.alignment.units(minimumConfidence: minConfidence, document: document.files[0])
            if let db {
                // One transaction per document: a failure keeps the documents before it.
                addedToStore += try MemoryStoreWorkflow.add(made, from: document.files[0], sourceLanguage: LanguageTag(from), intoStoreAt: db).added
                Interruption.keepStore()
            } else {
                units += made
            }
            if document.confidence < minConfidence {
                StandardStreams.writeError("warning: \(document.files.joined(separator: " ~ ")): low confidence "
                    + String(format: "%.2f", document.confidence) + " (are these translations of each other?)")
            }
        }
        for file in result.unmatched { StandardStreams.writeError("warning: \(file): no document to pair it with") }
        let sections = result.documents.flatMap { AlignmentReviewPage.sections($0.alignment, files: $0.files) }
        switch outputFormat {
        case .tmx?:
            try writeUnits(units, languages: [LanguageTag(from)] + languages)
            StandardStreams.writeError("\(counted(result.documents.count, "document set")) aligned: \(counted(units.count, "unit")) written to \(destination.name)")
        case .json?: try TextOutput.write(ConcordJSON.string(result) + "\n", to: destination)
        case let other?: try writeReview(other, sections, to: destination)
        case nil:
            if let db {
                StandardStreams.writeError("\(counted(result.documents.count, "document set")) aligned: \(counted(addedToStore, "unit")) added to \(db)")
            } else {
                try StandardStreams.writeJSON(result)
            }
        }
        if let review { try writeReview(.html, sections, to: OutputLocation(argument: review)) }
    }

    /// The source aligned with each translation, into units with every language.
    private func runMultilingual() throws {
        let languages = targetLanguages.map(LanguageTag.init)
        let result = try MultilingualAlignmentRequest(
            pivot: InputLocation(argument: source), pivotLanguage: LanguageTag(from),
            translations: zip(documents.dropFirst(), languages).map { .init(input: InputLocation(argument: $0), language: $1) },
            presegmented: presegmented, encoding: input.encoding, glossaries: glossaries).run()
        let units = result.units(minimumConfidence: minConfidence, document: source)
        let sections = AlignmentReviewPage.sections(result, files: documents)
        if let db {
            let added = try MemoryStoreWorkflow.add(units, from: source, sourceLanguage: LanguageTag(from), intoStoreAt: db)
            StandardStreams.writeError("\(db): \(added.added) added, \(added.merged) merged into existing units")
        }
        switch outputFormat {
        case .tmx?: try writeUnits(units, languages: [LanguageTag(from)] + languages)
        case .json?: try TextOutput.write(ConcordJSON.string(result) + "\n", to: destination, inputs: inputs)
        case let other?: try writeReview(other, sections, to: destination)
        case nil where db == nil:
            try StandardStreams.write(units.map { unit in
                unit.variants.map { "\($0.language.canonical): \($0.segment.plainText)" }.joined(separator: "\n")
            }.joined(separator: "\n\n"))
        case nil: break
        }
        if let review { try writeReview(.html, sections, to: OutputLocation(argument: review)) }
        let complete = units.filter { $0.variants.count == languages.count + 1 }.count
        StandardStreams.writeError("\(counted(units.count, "unit")): \(complete) in every language, \(units.count - complete) in some "
            + "(a translation's beads there were below confidence \(minConfidence) or left a sentence out)")
    }

    /// What became units, and each bead left out (at most 20), so that a reviewer can look at them.
    private func report(_ result: AlignmentResult, units: Int, to destination: String) {
        let paired = result.beads.filter { !$0.source.isEmpty && !$0.target.isEmpty }.count
        StandardStreams.writeError("\(counted(result.beads.count, "bead")): \(counted(units, "unit")) written to \(destination), "
            + "\(paired - units) below confidence \(minConfidence), \(result.beads.count - paired) with one side empty")
        let leftOut = result.beads.filter { $0.source.isEmpty || $0.target.isEmpty || $0.confidence < minConfidence }
        for bead in leftOut.prefix(20) {
            let text = (bead.source.map { result.sourceSentences[$0] } + bead.target.map { result.targetSentences[$0] }).joined(separator: " | ")
            let why = bead.source.isEmpty ? "only in the translation" : bead.target.isEmpty ? "not in the translation"
                : "confidence " + String(format: "%.2f", bead.confidence)
            StandardStreams.writeError("  left out \(bead.source):\(bead.target) (\(why)): \(text.prefix(100))")
        }
        if leftOut.count > 20 { StandardStreams.writeError("  ... and \(leftOut.count - 20) more (use --json for all)") }
    }
}

extension AlignmentOutputFormat: ExpressibleByArgument {}
