#if canImport(Glibc)
import Glibc
#endif

/// An output file that appears only when complete: bytes go to a temporary
/// file in the same folder, which ``commit()`` renames into place. If the
/// writer fails or is dropped before committing, the temporary file is
/// removed and any existing file at the path is untouched. `-` writes to
/// standard output directly.
public final class AtomicOutputFile {
    public let path: String
    private var descriptor: Int32
    private let temporaryPath: String?
    private var committed = false
    private var buffer: [UInt8] = []

    /// Creates the temporary file next to `path`.
    public init(path: String) throws {
        self.path = path
        if path == "-" {
            descriptor = 1
            temporaryPath = nil
            return
        }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array("\(directory.isEmpty ? "/" : directory)/.\(name).concord-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw FormatError.cannotCreate(file: path, reason: String(cString: strerror(errno)))
        }
        descriptor = fd
        temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        // Output files get ordinary permissions, not mkstemp's 0600.
        let mask = umask(0)
        umask(mask)
        fchmod(fd, 0o666 & ~mask)
    }

    deinit {
        if !committed { discard() }
    }

    /// Appends bytes (buffered; large chunks go straight through).
    public func write(_ bytes: [UInt8]) throws {
        if bytes.count >= 1 << 16 {
            try flush()
            try writeAll(bytes)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Appends a string as UTF-8.
    public func write(_ text: String) throws {
        try write(Array(text.utf8))
    }

    private func flush() throws {
        try writeAll(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw FormatError.cannotCreate(file: path, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }

    /// Flushes, syncs and renames the file into place.
    public func commit() throws {
        try flush()
        committed = true
        guard let temporaryPath else { return }
        if fsync(descriptor) != 0 || close(descriptor) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw FormatError.cannotCreate(file: path, reason: reason)
        }
        descriptor = -1
        if rename(temporaryPath, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw FormatError.cannotCreate(file: path, reason: reason)
        }
    }

    /// Drops what was written; the path is left as it was.
    public func discard() {
        committed = true
        guard let temporaryPath else { return }
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporaryPath)
    }
}
