/// A byte source that first replays bytes already read (to sniff the
/// encoding), then continues with the rest of the underlying source.
public final class PrefixedByteSource: ByteSource {
    private var prefix: [UInt8]
    private var position = 0
    private let rest: ByteSource

    /// Reads up to `count` bytes from `source` as the prefix.
    public init(source: ByteSource, sniffing count: Int) throws {
        rest = source
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = try buffer.withUnsafeMutableBytes { bytes in
                try source.read(into: UnsafeMutableRawBufferPointer(rebasing: bytes[filled...]))
            }
            if got == 0 { break }
            filled += got
        }
        prefix = Array(buffer[0..<filled])
    }

    /// The sniffed bytes (empty once they have been replayed).
    public var head: [UInt8] { prefix }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if !prefix.isEmpty, position < prefix.count {
            let count = min(buffer.count, prefix.count - position)
            prefix.withUnsafeBytes { source in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[position..<position + count]))
            }
            position += count
            if position == prefix.count {
                prefix = [] // release the memory; from here on, read straight through
                position = 0
            }
            return count
        }
        return try rest.read(into: buffer)
    }
}
