#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The bytes of a text input (a document, a query file, a CSV or TSV table),
/// read in chunks from a file, a FIFO, a device, standard input or memory, with
/// the faults a translator can act on: a missing file, a directory, binary data
/// (`/dev/zero`, an image), a file too large to be a document. (POSIX reads:
/// Foundation's `Data(contentsOf:)` leaks a buffer on an empty file.)
public enum TextFileBytes {
    /// The largest document read (a press release is kilobytes; a book is a few megabytes).
    public static let maximumSize = 1 << 30

    /// The file at `path`.
    public static func read(path: String, checksBinary: Bool = true) throws -> Data {
        try read(.file(path), checksBinary: checksBinary)
    }

    /// `checksBinary` false reads whatever the bytes are (an encoding was named for them).
    public static func read(_ input: InputLocation, checksBinary: Bool = true) throws -> Data {
        let name = input.name
        let descriptor: Int32
        switch input {
        case let .bytes(_, content):
            if checksBinary, looksBinary(content[...]) {
                throw FormatError.notWellFormed(file: name, line: 1, column: 1, message: "is not a text file (it looks like binary data)")
            }
            return Data(content)
        case .standardInput:
            descriptor = 0
        case let .file(path):
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                if errno == ENOENT { throw FormatError.missingFile(path) }
                throw FormatError.cannotOpen(file: path, reason: String(cString: strerror(errno)))
            }
        }
        defer { if descriptor > 0 { close(descriptor) } }
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            throw FormatError.cannotOpen(file: name, reason: "is a directory, not a document")
        }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FormatError.io(file: name, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            data.append(contentsOf: chunk[0..<count])
            // Judged on the first bytes, so that /dev/zero or /dev/urandom are refused at once.
            if checksBinary, data.count == count, looksBinary(chunk[0..<count]) {
                throw FormatError.notWellFormed(file: name, line: 1, column: 1, message: "is not a text file (it looks like binary data)")
            }
            if data.count > maximumSize {
                throw FormatError.io(file: name, reason: "is larger than \(maximumSize >> 20) MB, too large for a document")
            }
        }
        return data
    }

    /// NUL bytes in text that is not UTF-16 or UTF-32 (whose ASCII characters carry NUL bytes).
    static func looksBinary(_ bytes: ArraySlice<UInt8>) -> Bool {
        let head = Array(bytes.prefix(4096))
        // Text has no NUL bytes unless it is UTF-16 or UTF-32, which unicodeForm recognises.
        return head.contains(0) && TextDecoding.unicodeForm(of: head) == nil
    }

    /// True when the bytes read as UTF-16 text: no NUL or control characters, no lone surrogates.
    static func isPlausibleUTF16(_ bytes: [UInt8], littleEndian: Bool) -> Bool {
        var index = 0
        var expectLow = false
        while index + 1 < bytes.count {
            let unit = littleEndian ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8 : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
            index += 2
            let isLow = unit & 0xFC00 == 0xDC00
            if expectLow != isLow { return false }
            expectLow = unit & 0xFC00 == 0xD800
            if unit < 0x20 && unit != 0x09 && unit != 0x0A && unit != 0x0D { return false }
        }
        return true
    }
}
