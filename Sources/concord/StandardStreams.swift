import Concord
#if canImport(Glibc)
import Glibc
#endif

/// Results go to stdout, messages and progress to stderr (the CLI contract).
enum StandardStreams {
    /// Writes a result line (every write checked: see ``StandardOutput``).
    static func write(_ text: String) throws {
        var text = text
        if !text.hasSuffix("\n") { text += "\n" }
        try StandardOutput.write(text)
    }

    static func writeError(_ text: String) {
        var text = text
        if !text.hasSuffix("\n") { text += "\n" }
        text.withCString { _ = fputs($0, stderr) }
    }
}
