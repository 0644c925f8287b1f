import ArgumentParser

/// How results are printed: `--format text|json`, `--json` for short.
struct OutputOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(name: .long, help: "Output format: text or json. (default: text)")
    var format: Format?

    @Flag(name: .long, help: "Short for --format json.")
    var json = false

    func validate() throws {
        if json, format == .text { throw ValidationError("--json asks for JSON and --format text for text: give one of them") }
    }

    /// The format in force.
    var effectiveFormat: Format { json ? .json : format ?? .text }
}
