import ArgumentParser

/// How results are printed: `--format text|json`, `--json` for short.
struct OutputOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    @Flag(name: .long, help: "Short for --format json.")
    var json = false

    /// The format in force.
    var effectiveFormat: Format { json ? .json : format }
}
