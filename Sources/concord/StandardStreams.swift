import Concord

/// Results go to stdout, messages and progress to stderr (the CLI contract).
enum StandardStreams {
    /// Writes a result line (every write checked: see ``StandardOutput``).
    static func write(_ text: String) throws {
        var text = text
        if !text.hasSuffix("\n") { text += "\n" }
        try StandardOutput.write(text)
    }

    /// Writes `value` as one line of JSON through the one encoding (``ConcordJSON``).
    static func writeJSON<Value: Encodable>(_ value: Value) throws {
        try StandardOutput.write(try ConcordJSON.encode(value) + [0x0A])
    }

    static func writeError(_ text: String, newline: Bool = true) {
        var text = text
        if newline, !text.hasSuffix("\n") { text += "\n" }
        // Straight to descriptor 2 (stdio's `stderr` is a mutable global Swift 6 will not read);
        // a message that cannot be written has nowhere else to go.
        text.withUTF8 { _ = DescriptorWriter.writeAll(2, UnsafeRawBufferPointer($0)) }
    }
}
