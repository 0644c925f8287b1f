import Foundation

/// The store's token table as far as it has been read: key → id. Shared by
/// an import's two threads (the reading thread numbers the tokens of new
/// units, the database thread those of merged ones), so every access takes
/// a lock; ids only grow, and tokens are never deleted.
final class StoredTokenIDs: @unchecked Sendable {
    private let lock = NSLock()
    // Unchecked exclusivity: the lock already serialises access, and the checks cost more than the lookup.
    @exclusivity(unchecked) private var table = TokenKeyTable()
    /// The highest id known.
    private(set) var top: Int64 = 0

    /// Runs `body` holding the lock, so that it can number many tokens at the cost of one lock.
    func locked<T>(_ body: (StoredTokenIDs) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(self)
    }

    /// The id of `key`, and whether it was handed out just now (the caller then
    /// writes the token row, in the same transaction); nil when ids have run out.
    /// Only inside ``locked(_:)``.
    func unlockedID(for key: UnsafeBufferPointer<UInt8>) -> (id: Int32, isNew: Bool)? {
        if let id = table.id(of: key) { return (id, false) }
        guard top < Int64(Int32.max) else { return nil }
        top += 1
        table.insert(key, id: Int32(top))
        return (Int32(top), true)
    }

    /// Adds rows read from the token table.
    func load(_ rows: [(id: Int64, key: String)], top newTop: Int64) {
        lock.lock()
        defer { lock.unlock() }
        for row in rows {
            var key = row.key
            key.withUTF8 { bytes in
                if table.id(of: bytes) == nil { table.insert(bytes, id: Int32(truncatingIfNeeded: row.id)) }
            }
        }
        top = newTop
    }

    /// Forgets everything (after a rollback: ids handed out inside it are void).
    func reset() {
        lock.lock()
        defer { lock.unlock() }
        table = TokenKeyTable()
        top = 0
    }
}
