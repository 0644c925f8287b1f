#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Where an XML reader gets its bytes. A caller can wrap one source in
/// another to filter the bytes before libxml2 sees them.
public protocol ByteSource: AnyObject {
    /// Fills `buffer` with up to `buffer.count` bytes; returns how many, 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// Bytes from a file, read in large chunks with POSIX `read` (constant memory).
public final class FileByteSource: ByteSource {
    public let path: String
    private let descriptor: Int32
    /// libxml2 asks for a few kilobytes at a time; read 256 KiB per system call and serve from here.
    private var buffer = [UInt8](repeating: 0, count: 1 << 18)
    private var bufferStart = 0
    private var bufferEnd = 0

    /// Standard input, named `name` in messages.
    public init(standardInputNamed name: String) {
        path = name
        descriptor = 0
    }

    /// Opens the file at `path`.
    public init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw XMLError.cannotOpen(file: path, reason: String(cString: strerror(errno)))
        }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw XMLError.cannotOpen(file: path, reason: "is a directory")
        }
        descriptor = fd
    }

    deinit {
        if descriptor > 0 { close(descriptor) }
    }

    public func read(into target: UnsafeMutableRawBufferPointer) throws -> Int {
        if bufferStart == bufferEnd {
            if target.count >= buffer.count { return try readFile(into: target) }
            bufferStart = 0
            bufferEnd = try buffer.withUnsafeMutableBytes { try readFile(into: $0) }
            if bufferEnd == 0 { return 0 }
        }
        let count = min(target.count, bufferEnd - bufferStart)
        buffer.withUnsafeBytes { source in
            target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[bufferStart..<bufferStart + count]))
        }
        bufferStart += count
        return count
    }

    private func readFile(into target: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let count = Glibc.read(descriptor, target.baseAddress, target.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw XMLError.io(file: path, reason: String(cString: strerror(errno)))
        }
    }
}

/// Bytes held in memory.
public final class MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private var position = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public convenience init(_ text: String) { self.init(Array(text.utf8)) }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = min(buffer.count, bytes.count - position)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[position..<position + count]))
        }
        position += count
        return count
    }
}
