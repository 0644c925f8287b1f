#if canImport(Glibc)
import Glibc
#endif

/// Results go to stdout, messages and progress to stderr (the CLI contract).
enum StandardStreams {
    static func write(_ text: String) {
        var text = text
        if !text.hasSuffix("\n") { text += "\n" }
        text.withCString { _ = fputs($0, stdout) }
    }

    static func writeError(_ text: String) {
        var text = text
        if !text.hasSuffix("\n") { text += "\n" }
        text.withCString { _ = fputs($0, stderr) }
    }
}
