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

    @Option(name: .shortAndLong, help: "Write the aligned units to this memory file (.tmx, .csv, .tsv, .jsonl).")
    var output: String?

    @Option(help: "Add the aligned units to this memory store instead (created if missing; one transaction).")
    var db: String?

    @Option(help: "The lowest confidence (0-1) a bead needs to become a unit with -o or --db.")
    var minConfidence: Double = 0.5

    @Flag(help: "Print the beads only, one a line: [0]:[0, 1].")
    var beads = false

    @Option(help: "A glossary whose terms anchor the alignment (SCO = ШОС = 上合组织); repeat for several. Default: the SCO glossary shipped with Concord.")
    var glossary: [String] = []

    @Flag(help: "Use no glossary.")
    var noGlossary = false

    @OptionGroup var input: EncodingOption
    @OptionGroup var format: OutputOptions

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
        if documents.count > 2 && beads { throw ValidationError("--beads prints the beads of one pair: align two documents") }
        if noGlossary && !glossary.isEmpty { throw ValidationError("--no-glossary and --glossary contradict each other: give one of them") }
        if output != nil && db != nil { throw ValidationError("write the units to a file (-o) or a store (--db), not both") }
    }

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
        if let output {
            try write(result, to: OutputLocation(argument: output), from: sourceLanguage, to: targetLanguage)
        } else if let db {
            let units = result.units(from: sourceLanguage, to: targetLanguage, minimumConfidence: minConfidence, document: source)
            let added = try MemoryStoreWorkflow.add(units, from: source, sourceLanguage: sourceLanguage, intoStoreAt: db)
            report(result, units: units.count, to: db)
            StandardStreams.writeError("\(db): \(added.added) added, \(added.merged) merged into existing units")
        } else if beads {
            try StandardStreams.write(result.beads.map { "\($0.source):\($0.target)" }.joined(separator: "\n"))
        } else if format.effectiveFormat == .json {
            try StandardStreams.writeJSON(result)
        } else {
            try StandardStreams.write(result.beads.map { bead in
                ["\(bead.source):\(bead.target)  " + String(format: "%.2f", bead.confidence)]
                    + bead.source.map { "  \(sourceLanguage.canonical): \(result.sourceSentences[$0])" }
                    + bead.target.map { "  \(targetLanguage.canonical): \(result.targetSentences[$0])" }
            }.map { $0.joined(separator: "\n") }.joined(separator: "\n"))
        }
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
        if let output {
            try MemoryFileWriter.write(units, to: OutputLocation(argument: output), sourceLanguage: LanguageTag(from),
                                       languages: [LanguageTag(from)] + languages, inputs: [])
            StandardStreams.writeError("\(counted(result.documents.count, "document set")) aligned: \(counted(units.count, "unit")) written to \(output)")
        } else if let db {
            StandardStreams.writeError("\(counted(result.documents.count, "document set")) aligned: \(counted(addedToStore, "unit")) added to \(db)")
        } else {
            try StandardStreams.writeJSON(result)
        }
    }

    /// The source aligned with each translation, into units with every language.
    private func runMultilingual() throws {
        let languages = targetLanguages.map(LanguageTag.init)
        let result = try MultilingualAlignmentRequest(
            pivot: InputLocation(argument: source), pivotLanguage: LanguageTag(from),
            translations: zip(documents.dropFirst(), languages).map { .init(input: InputLocation(argument: $0), language: $1) },
            presegmented: presegmented, encoding: input.encoding, glossaries: glossaries).run()
        let units = result.units(minimumConfidence: minConfidence, document: source)
        if let output {
            try MemoryFileWriter.write(units, to: OutputLocation(argument: output), sourceLanguage: LanguageTag(from),
                                       languages: [LanguageTag(from)] + languages, inputs: documents.map(InputLocation.init(argument:)))
        } else if let db {
            let added = try MemoryStoreWorkflow.add(units, from: source, sourceLanguage: LanguageTag(from), intoStoreAt: db)
            StandardStreams.writeError("\(db): \(added.added) added, \(added.merged) merged into existing units")
        } else if format.effectiveFormat == .json {
            try StandardStreams.writeJSON(result)
        } else {
            try StandardStreams.write(units.map { unit in
                unit.variants.map { "\($0.language.canonical): \($0.segment.plainText)" }.joined(separator: "\n")
            }.joined(separator: "\n\n"))
        }
        let complete = units.filter { $0.variants.count == languages.count + 1 }.count
        StandardStreams.writeError("\(counted(units.count, "unit")): \(complete) in every language, \(units.count - complete) in some "
            + "(a translation's beads there were below confidence \(minConfidence) or left a sentence out)")
    }

    private func write(_ result: AlignmentResult, to destination: OutputLocation, from: LanguageTag, to target: LanguageTag) throws {
        let units = result.units(from: from, to: target, minimumConfidence: minConfidence, document: source)
        try MemoryFileWriter.write(units, to: destination, sourceLanguage: from, languages: [from, target],
                                   inputs: [InputLocation(argument: source), InputLocation(argument: self.target)])
        report(result, units: units.count, to: destination.name)
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
