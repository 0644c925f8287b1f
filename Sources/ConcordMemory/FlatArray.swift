/// A read-only array of plain values that lives either in memory of its own or in a
/// memory-mapped index file: what the fuzzy search reads, whichever way the index was made.
///
/// Copies share the storage (its owner is kept alive by every copy), so handing a
/// table to another thread's searcher copies nothing. Elements are read through an
/// unsafe buffer: no bounds checks in release builds, which the search's inner
/// loops rely on; callers index within `count`.
struct FlatArray<Element: BitwiseCopyable>: @unchecked Sendable, RandomAccessCollection {
    /// The elements (valid as long as this array or a copy of it lives).
    let buffer: UnsafeBufferPointer<Element>
    private let owner: AnyObject?

    /// An empty array.
    init() {
        buffer = UnsafeBufferPointer(start: nil, count: 0)
        owner = nil
    }

    /// A copy of `elements` in memory of its own.
    init(_ elements: [Element]) {
        let allocation = FlatAllocation<Element>(elements)
        buffer = UnsafeBufferPointer(start: allocation.storage.baseAddress, count: elements.count)
        owner = allocation
    }

    /// `count` elements in memory of its own, set by `body` (which must set every one).
    init(count: Int, initializingWith body: (UnsafeMutableBufferPointer<Element>) -> Void) {
        let allocation = FlatAllocation<Element>(count: count)
        body(UnsafeMutableBufferPointer(start: allocation.storage.baseAddress, count: count))
        buffer = UnsafeBufferPointer(start: allocation.storage.baseAddress, count: count)
        owner = allocation
    }

    /// `count` elements at `offset` bytes into `file` (which must be aligned for `Element`).
    init(mapped file: MappedFile, offset: Int, count: Int) {
        let start = file.bytes.baseAddress.map { ($0 + offset).assumingMemoryBound(to: Element.self) }
        buffer = UnsafeBufferPointer(start: count == 0 ? nil : start, count: count)
        owner = file
    }

    var startIndex: Int { 0 }
    var endIndex: Int { buffer.count }

    @inline(__always)
    subscript(position: Int) -> Element { buffer[position] }

    /// The elements in `range`, without copying.
    @inline(__always)
    func slice(_ range: Range<Int>) -> UnsafeBufferPointer<Element> {
        UnsafeBufferPointer(rebasing: buffer[range])
    }

    /// True when the elements are read from a mapped file.
    var isMapped: Bool { owner is MappedFile }

    /// The elements as bytes (for writing them to a file).
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(buffer) }
}

/// Memory of a ``FlatArray``'s own, freed with its last copy.
private final class FlatAllocation<Element: BitwiseCopyable> {
    let storage: UnsafeMutableBufferPointer<Element>

    init(_ elements: [Element]) {
        storage = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(1, elements.count))
        _ = storage.initialize(from: elements)
    }

    /// Room for `count` elements, to be set by the caller.
    init(count: Int) {
        storage = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(1, count))
    }

    deinit { storage.deallocate() }
}
