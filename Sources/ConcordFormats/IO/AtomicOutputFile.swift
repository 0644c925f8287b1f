#if canImport(Glibc)
import Glibc
#endif

/// An output file that appears only when complete.
///
/// Bytes go to an unnamed temporary file in the target's folder (Linux
/// `O_TMPFILE`), which ``commit()`` links in and renames over the target: a
/// process killed half-way leaves nothing behind. Where the file system has
/// no unnamed files, a named temporary carries the writer's process id, so
/// that a later run removes those left by a killed one.
///
/// - A symbolic link is followed: its target is replaced and the link kept.
/// - A FIFO, a device or a socket is written to directly, never replaced.
/// - An output that is one of `inputs` (same device and inode, whatever the
///   path says) is refused before anything is written.
/// - Standard output is written directly; memory collects the bytes on commit.
public final class AtomicOutputFile {
    /// The output's name in messages.
    public let path: String
    private let destination: Destination
    private var descriptor: Int32
    private var committed = false
    private var buffer: [UInt8] = []

    private enum Destination {
        case standardOutput
        case memory(MemoryOutput)
        /// A FIFO or a device: written in place.
        case special
        /// An unnamed file, linked in as `target` on commit.
        case unnamed(target: String)
        /// A named temporary renamed to `target` on commit.
        case named(temporary: String, target: String)
    }

    /// Prepares to write the file at `path`; `inputs` are the files this output is made from.
    public convenience init(path: String, inputs: [String] = []) throws {
        try self.init(.file(path), inputs: inputs.map(InputLocation.file))
    }

    /// Prepares to write `output`; `inputs` are what this output is made from (refused as the output).
    public init(_ output: OutputLocation, inputs: [InputLocation] = []) throws {
        path = output.name
        switch output {
        case .standardOutput:
            descriptor = 1
            destination = .standardOutput
            return
        case let .memory(memory):
            descriptor = -1
            destination = .memory(memory)
            return
        case .file:
            break
        }
        let target = try OutputTarget.resolve(path)
        try OutputTarget.refuseInputs(inputs.compactMap(\.path), output: path, resolved: target)
        if OutputTarget.isSpecialFile(target) {
            let fd = open(target, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw FormatError.cannotCreate(file: path, reason: String(cString: strerror(errno))) }
            descriptor = fd
            destination = .special
            return
        }
        OutputTarget.removeStaleTemporaries(for: target)
        let directory = OutputTarget.directory(of: target)
        if let fd = OutputTarget.openUnnamed(in: directory) {
            descriptor = fd
            destination = .unnamed(target: target)
            return
        }
        let (fd, temporary) = try OutputTarget.createNamedTemporary(for: target, reportedAs: path)
        descriptor = fd
        destination = .named(temporary: temporary, target: target)
    }

    /// Throws ``FormatError/outputIsInput(output:input:)`` when `output` is one of `inputs`
    /// (same device and inode): for checking before the inputs are read.
    public static func refuse(output: OutputLocation, ifAnyOf inputs: [InputLocation]) throws {
        guard let path = output.path else { return }
        try OutputTarget.refuseInputs(inputs.compactMap(\.path), output: path, resolved: try OutputTarget.resolve(path))
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
        switch destination {
        case .standardOutput:
            try StandardOutput.write(bytes)
            return
        case let .memory(memory):
            memory.append(bytes)
            return
        default:
            break
        }
        if let failure = bytes.withUnsafeBytes({ DescriptorWriter.writeAll(descriptor, $0) }) {
            throw FormatError.cannotCreate(file: path, reason: String(cString: strerror(failure)))
        }
    }

    /// Flushes, syncs and puts the file in place.
    public func commit() throws {
        try flush()
        committed = true
        switch destination {
        case .standardOutput, .memory:
            return
        case .special:
            try closeDescriptor(syncing: false)
        case let .unnamed(target):
            try linkUnnamed(as: target)
        case let .named(temporary, target):
            do {
                try closeDescriptor(syncing: true)
                try rename(temporary, to: target)
            } catch {
                unlink(temporary)
                throw error
            }
        }
    }

    /// Drops what was written; the path is left as it was.
    public func discard() {
        committed = true
        switch destination {
        case .standardOutput, .memory: return
        default: break
        }
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        if case let .named(temporary, _) = destination { unlink(temporary) }
    }

    private func closeDescriptor(syncing: Bool) throws {
        let failed = (syncing && fsync(descriptor) != 0) || close(descriptor) != 0
        descriptor = -1
        if failed { throw FormatError.cannotCreate(file: path, reason: String(cString: strerror(errno))) }
    }

    /// Gives the unnamed file a temporary name beside the target, then renames it over the target
    /// (`linkat` cannot replace an existing file).
    private func linkUnnamed(as target: String) throws {
        if fsync(descriptor) != 0 {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            descriptor = -1
            throw FormatError.cannotCreate(file: path, reason: reason)
        }
        let temporary = OutputTarget.temporaryName(for: target)
        let linked = linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, temporary, AT_SYMLINK_FOLLOW)
        let reason = linked != 0 ? String(cString: strerror(errno)) : ""
        close(descriptor)
        descriptor = -1
        guard linked == 0 else { throw FormatError.cannotCreate(file: path, reason: reason) }
        do {
            try rename(temporary, to: target)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    private func rename(_ temporary: String, to target: String) throws {
        if Glibc.rename(temporary, target) != 0 {
            throw FormatError.cannotCreate(file: path, reason: String(cString: strerror(errno)))
        }
    }
}
