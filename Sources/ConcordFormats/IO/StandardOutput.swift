#if canImport(Glibc)
import Glibc
#endif

/// Standard output with every write checked. A full disk or a failing device
/// is an I/O error (exit 74); a reader that has gone away
/// (`concord segment x | head`) is ``FormatError/outputClosed``, which the
/// CLI ends quietly, as `cat` and `grep` do.
public enum StandardOutput {
    /// Writes `bytes` whole, or throws.
    public static func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Writes `text` as UTF-8.
    public static func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    /// Writes `bytes` whole, or throws.
    public static func write(_ bytes: UnsafeRawBufferPointer) throws {
        if let failure = DescriptorWriter.writeAll(1, bytes) {
            if failure == EPIPE { throw FormatError.outputClosed }
            throw FormatError.io(file: "standard output", reason: "cannot write the results (\(String(cString: strerror(failure))))")
        }
    }
}

/// The one loop that writes a buffer to a descriptor (outputs, standard output and error).
public enum DescriptorWriter {
    /// Writes all of `bytes` to `descriptor`, retrying after a signal; returns `errno` on failure.
    public static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if written == 0 { return EIO }
            offset += written
        }
        return nil
    }
}
