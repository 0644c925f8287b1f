import Foundation

/// The store's token table as far as it has been read: key → id. Shared by
/// an import's two threads (the reading thread numbers the tokens of new
/// units, the database thread those of merged ones), so every access takes
/// a lock; ids only grow, and tokens are never deleted.
final class StoredTokenIDs: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [TokenKey: Int32] = [:]
    /// The highest id known.
    private(set) var top: Int64 = 0

    /// The id of `key`, and whether it was handed out just now (the caller
    /// then writes the token row, in the same transaction); nil when ids have run out.
    func id(for key: String) -> (id: Int32, isNew: Bool)? {
        lock.lock()
        defer { lock.unlock() }
        let tokenKey = TokenKey(key)
        if let id = ids[tokenKey] { return (id, false) }
        guard top < Int64(Int32.max) else { return nil }
        top += 1
        ids[tokenKey] = Int32(top)
        return (Int32(top), true)
    }

    /// Adds rows read from the token table.
    func load(_ rows: [(id: Int64, key: String)], top newTop: Int64) {
        lock.lock()
        defer { lock.unlock() }
        for row in rows { ids[TokenKey(row.key)] = Int32(truncatingIfNeeded: row.id) }
        top = newTop
    }

    /// Forgets everything (after a rollback: ids handed out inside it are void).
    func reset() {
        lock.lock()
        defer { lock.unlock() }
        ids = [:]
        top = 0
    }
}
