#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A file written whole or not at all: bytes go to a temporary file beside the target,
/// which is renamed over the target on ``commit()``. A reader that has the old file open (or
/// mapped) keeps reading it; nobody sees a half-written file. The file is not flushed to disk
/// first: index files check every part against a checksum, so one torn by a crash is found
/// and rebuilt, and a flush would cost a 1M-unit import a second.
final class AtomicFileOutput {
    let path: String
    private let temporaryPath: String
    private var descriptor: Int32
    private(set) var written = 0

    /// Creates the temporary file (in the target's folder, so the rename stays on one file system).
    init(path: String) throws {
        self.path = path
        temporaryPath = path + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw AtomicFileOutputError(path: path, reason: String(cString: strerror(errno))) }
    }

    deinit { discard() }

    /// Appends `bytes`.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        var done = 0
        while done < bytes.count {
            let count = Glibc.write(descriptor, bytes.baseAddress! + done, bytes.count - done)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw AtomicFileOutputError(path: path, reason: String(cString: strerror(errno))) }
            done += count
        }
        written += bytes.count
    }

    /// Appends zero bytes up to `offset`.
    func pad(to offset: Int) throws {
        guard offset > written else { return }
        let zeros = [UInt8](repeating: 0, count: offset - written)
        try zeros.withUnsafeBytes { try write($0) }
    }

    /// Puts the file in place.
    func commit() throws {
        guard close(descriptor) == 0 else {
            throw AtomicFileOutputError(path: path, reason: String(cString: strerror(errno)))
        }
        descriptor = -1
        guard rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw AtomicFileOutputError(path: path, reason: reason)
        }
    }

    /// Removes the temporary file (nothing happens after a commit).
    func discard() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        unlink(temporaryPath)
    }
}

/// Why an index file could not be written (the system's reason).
struct AtomicFileOutputError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "\(path): \(reason)" }
}
