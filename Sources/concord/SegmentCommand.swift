import ArgumentParser
import Concord
import Foundation

struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split a document into sentences (ICU boundaries plus SRX language rules).",
        discussion: """
        Text output: one sentence per line. JSON: {"segments": [{"text": ..., "paragraph": N, "start": N, "end": N}]}, \
        offsets in Unicode scalars into the document text as Concord extracts it.

        Examples:
          concord segment release.txt --lang en
          concord segment release.html --lang ru --json
          concord segment --export-rules concord.srx  # for OmegaT or Okapi
        """
    )

    enum InputFormat: String, ExpressibleByArgument, CaseIterable { case txt, md, html }
    enum Quotes: String, ExpressibleByArgument, CaseIterable { case split, keep }

    @Argument(help: "The document (.txt, .md, .html); - reads standard input.")
    var file: String?

    @Option(name: [.customLong("lang"), .customLong("from")], help: "The document's language (BCP 47), e.g. en, ru, zh-CN (--from says the same).")
    var lang: String?

    @Option(help: "split: a multi-sentence quotation is split at its sentence ends (default); keep: it stays one segment.")
    var quotes: Quotes = .split

    @Option(help: "SRX 2.0 rules to use instead of Concord's own.")
    var rules: String?

    @Option(help: "Read the input as txt, md or html whatever its extension.")
    var inputFormat: InputFormat?

    @Option(help: "Write the rules in force to this SRX file and stop.")
    var exportRules: String?

    @OptionGroup var input: EncodingOption

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try LanguageValidation.check(lang, option: "--lang")
        if exportRules == nil {
            guard file != nil else { throw ValidationError("name the document to segment (or - for standard input)") }
            guard lang != nil else { throw ValidationError("--lang is required: the document's language, e.g. --lang en") }
        }
    }

    func run() throws {
        let ruleSet = try DocumentSegmentation.rules(path: rules)
        if let exportRules {
            let file = try AtomicOutputFile(path: exportRules, inputs: [rules].compactMap { $0 })
            try SRXWriter.write(ruleSet) { try file.write($0) }
            try file.commit()
            if exportRules != "-" { StandardStreams.writeError("rules written to \(exportRules)") }
            return
        }
        let language = LanguageTag(lang ?? "und")
        let segmenter = try Segmenter(ruleSet: ruleSet, language: language, quotations: quotes == .keep ? .keep : .split)
        let document = try DocumentSegmentation.readDocument(InputLocation(argument: file ?? "-"), format: inputFormat.flatMap { DocumentFormat(rawValue: $0.rawValue) },
                                                             encoding: input.encoding)
        if let empty = DocumentSegmentation.emptiness(of: document, name: InputLocation(argument: file ?? "-").name) {
            DiagnosticPrinter.printToStandardError([empty])
        }
        switch output.effectiveFormat {
        case .json:
            // Streamed (keys sorted, as everywhere): two million segments are a few hundred megabytes of JSON.
            let json = JSONStreamWriter()
            var first = true
            try json.raw("{\"segments\":[")
            try DocumentSegmentation.forEachSentence(of: document, with: segmenter) { segment in
                if !first { try json.raw(",") }
                first = false
                try json.value(segment)
            }
            try json.raw("]}\n")
            try json.flush()
        case .text:
            var out: [UInt8] = []
            out.reserveCapacity(1 << 20)
            try DocumentSegmentation.forEachSentence(of: document, with: segmenter) { segment in
                // One segment per line: a line break inside a sentence is shown as a space.
                let start = out.count
                out.append(contentsOf: segment.text.utf8)
                out.withUnsafeMutableBufferPointer { buffer in
                    for index in start..<buffer.count where buffer[index] == 0x0A || buffer[index] == 0x0D { buffer[index] = 0x20 }
                }
                out.append(0x0A)
                if out.count >= 1 << 20 {
                    try StandardOutput.write(out)
                    out.removeAll(keepingCapacity: true)
                }
            }
            try StandardOutput.write(out)
        }
    }
}
