import ArgumentParser
import Concord
import Foundation

struct FinishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finish",
        abstract: "Rebuild the translated release from a translated XLIFF file, in its original format and layout.",
        discussion: """
        The XLIFF must come from concord prepare (it carries the original as a skeleton). Each unit's \
        target takes its source's place; units without a translation keep the source text and are listed.

        Example:
          concord finish release.ru.xlf -o release.ru.txt
        """
    )

    @Argument(help: "The translated XLIFF file (2.0 or 1.2).")
    var xliff: String

    @Option(name: .shortAndLong, help: "The translated release (a folder when the XLIFF holds several files).")
    var output: String

    @Option(help: "The states whose targets count as translations (comma-separated: initial, translated, reviewed, final). Default: translated, reviewed and final, and initial where the target differs from the source (OmegaT leaves the state as it was).")
    var states: String?

    func run() throws {
        let input = InputLocation(argument: xliff)
        try input.requireExisting()
        let document = try XLIFFReader.read(input)
        let chosen = try states.map(XLIFFStateList.parse)
        let rebuilt = try ReleaseAssembly.finish(document, states: chosen)
        for release in rebuilt {
            let path = rebuilt.count > 1 ? (output as NSString).appendingPathComponent(release.original) : output
            if rebuilt.count > 1 { try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true) }
            try TextOutput.write(release.text, to: .file(path), inputs: [input])
            let units = document.files.first { $0.original == release.original }?.groups.flatMap(\.units).count ?? 0
            StandardStreams.writeError("\(release.original) → \(path): \(units - release.untranslated.count) of \(counted(units, "segment")) translated")
            if !release.untranslated.isEmpty {
                StandardStreams.writeError("warning: untranslated, source text kept: \(release.untranslated.joined(separator: ", "))")
            }
            if !release.unplaced.isEmpty {
                StandardStreams.writeError("warning: no place in the original for: \(release.unplaced.joined(separator: ", "))")
            }
        }
    }
}

/// `--states translated,final`: XLIFF states named on the command line.
enum XLIFFStateList {
    static func parse(_ list: String) throws -> Set<XLIFFState> {
        Set(try list.split(separator: ",").map { name -> XLIFFState in
            guard let state = XLIFFState(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("--states: '\(name)' is none of initial, translated, reviewed, final")
            }
            return state
        })
    }
}
