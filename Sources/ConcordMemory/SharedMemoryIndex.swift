import ConcordModel
import ConcordText

/// A built ``TranslationMemoryIndex`` that many tasks look up at once (the server, a
/// prepare run over several releases). It takes the index over, so nobody adds to it
/// afterwards; each lookup borrows a copy with its own tokenizer and scratch buffers,
/// sharing the entries and posting lists (copy-on-write arrays nobody writes).
public final class SharedMemoryIndex: Sendable {
    private let lookups: ScratchPool<TranslationMemoryIndex>
    /// The number of entries.
    public let count: Int

    /// Shares `index` (prepared here); do not use `index` itself afterwards.
    public init(_ index: TranslationMemoryIndex) throws {
        index.prepare()
        count = index.count
        // The template is never lent out, so its scratch space is never written again.
        let template = SendableTemplate(index: index)
        lookups = ScratchPool(first: try index.copyForLookups()) { try template.index.copyForLookups() }
    }

    /// The best matches for `query`, as ``TranslationMemoryIndex/lookup(_:previous:next:minimum:limit:)``.
    public func lookup(_ query: Segment, previous: String? = nil, next: String? = nil, minimum: Int = 50, limit: Int = 5) throws -> [MemoryMatch] {
        try lookups.withWorker { try $0.lookup(query, previous: previous, next: next, minimum: minimum, limit: limit) }
    }
}

/// The index copies are made from. Safe to share because after ``SharedMemoryIndex/init(_:)``
/// it is only read (``TranslationMemoryIndex/copyForLookups()`` reads its arrays), never searched or changed.
private struct SendableTemplate: @unchecked Sendable {
    let index: TranslationMemoryIndex
}
