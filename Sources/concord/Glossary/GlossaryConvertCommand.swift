import ArgumentParser
import Concord
import Foundation

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
        try ConversionSummary.print(ConversionReport(read: glossary.concepts.count, written: glossary.concepts.count, diagnostics: []),
                                    text: "\(counted(glossary.concepts.count, "concept")) written to \(OutputLocation(argument: output).name)", format: summary.effectiveFormat)
    }
}
