#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A whole file mapped read-only into memory; unmapped when the last user lets go.
/// Pages are read from the page cache as they are touched, so a mapped index costs
/// resident memory only where lookups read it, and two processes share its pages.
final class MappedFile: @unchecked Sendable {
    /// The file's bytes (immutable: mapped with `PROT_READ`).
    let bytes: UnsafeRawBufferPointer

    /// Maps the first `size` bytes of the file open as `descriptor` (which the caller closes).
    init(descriptor: Int32, size: Int) throws {
        guard size > 0 else {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw Failure(reason: String(cString: strerror(errno)))
        }
        bytes = UnsafeRawBufferPointer(start: address, count: size)
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }

    /// Why a file could not be mapped.
    struct Failure: Error {
        var reason: String
    }
}
