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
        // Straight to descriptor 2 (stdio's `stderr` is a mutable global Swift 6 will not read);
        // a message that cannot be written has nowhere else to go.
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(2, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}
