#if canImport(Glibc)
import Glibc
#endif

/// What an output path really is, and the temporaries beside it.
enum OutputTarget {
    /// `O_TMPFILE` (Linux): Glibc's macro is an expression Swift does not import.
    private static let temporaryFileFlag: Int32 = 0o20000000 | O_DIRECTORY

    /// The file that writing `path` should replace: symbolic links followed, the last one's target
    /// even when it does not exist yet.
    static func resolve(_ path: String) throws -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0 else { return current }
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                guard let link = readLink(current) else { return current }
                current = link.hasPrefix("/") ? link : directory(of: current) + "/" + link
            case S_IFDIR:
                throw FormatError.cannotCreate(file: path, reason: "is a directory")
            default:
                return current
            }
        }
        throw FormatError.cannotCreate(file: path, reason: "too many levels of symbolic links")
    }

    /// Throws when the output is the same file as one of the inputs (device and inode).
    static func refuseInputs(_ inputs: [String], output: String, resolved: String) throws {
        var target = stat()
        guard stat(resolved, &target) == 0 else { return }
        for input in inputs {
            var info = stat()
            if stat(input, &info) == 0, info.st_dev == target.st_dev, info.st_ino == target.st_ino {
                throw FormatError.outputIsInput(output: output, input: input)
            }
        }
    }

    /// True for a FIFO, a character or block device, or a socket: written in place, never replaced.
    static func isSpecialFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        let type = info.st_mode & S_IFMT
        return type == S_IFIFO || type == S_IFCHR || type == S_IFBLK || type == S_IFSOCK
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = String(path[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// An unnamed file in `directory`, or nil where the file system (or a missing `/proc`) does not allow one.
    static func openUnnamed(in directory: String) -> Int32? {
        guard access("/proc/self/fd", X_OK) == 0 else { return nil }
        let fd = open(directory, temporaryFileFlag | O_WRONLY | O_CLOEXEC, 0o666)
        return fd >= 0 ? fd : nil
    }

    /// `.NAME.concord-PID-RANDOM` beside the target: the process id tells a later run whether its writer is gone.
    static func temporaryName(for target: String) -> String {
        let random = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        return "\(directory(of: target))/\(prefix(for: target))\(getpid())-\(random)"
    }

    private static func prefix(for target: String) -> String { ".\(name(of: target)).concord-" }

    /// Creates a named temporary beside `target` (mode 0666 less the umask, as any new file).
    static func createNamedTemporary(for target: String, reportedAs path: String) throws -> (Int32, String) {
        for _ in 0..<16 {
            let temporary = temporaryName(for: target)
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 { return (fd, temporary) }
            if errno == EEXIST { continue }
            let reason = errno == ENOENT ? "the folder \(directory(of: target)) does not exist" : String(cString: strerror(errno))
            throw FormatError.cannotCreate(file: path, reason: reason)
        }
        throw FormatError.cannotCreate(file: path, reason: "could not find a free temporary name")
    }

    /// Removes temporaries for `target` whose writing process no longer exists (killed with SIGKILL or a power cut).
    static func removeStaleTemporaries(for target: String) {
        let folder = directory(of: target)
        let prefix = prefix(for: target)
        guard let handle = opendir(folder) else { return }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            guard entryName.hasPrefix(prefix) else { continue }
            let rest = entryName.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = Int32(rest[..<dash]) else { continue }
            if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                unlink("\(folder)/\(entryName)")
            }
        }
    }

    private static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
