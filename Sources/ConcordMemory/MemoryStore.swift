import ConcordModel
import Foundation
import GRDB

/// A translation memory kept in an SQLite file (WAL mode) through GRDB.
///
/// Units are stored whole, as opaque payloads the caller encodes (Concord uses
/// the unit's own TMX), next to the fields the store searches: the project's
/// duplicate key, tuid, newest date. Every change happens in a transaction:
/// a failure leaves the store as it was.
public final class MemoryStore {
    public let path: String
    private let pool: DatabasePool

    /// A stored unit: its row id and payload.
    public struct StoredUnit: Sendable {
        public let id: Int64
        public let payload: Data
    }

    /// Opens (or creates) the store at `path`.
    public init(path: String) throws {
        self.path = path
        do {
            pool = try DatabasePool(path: path)
            var migrator = DatabaseMigrator()
            migrator.registerMigration("v1") { db in
                try db.execute(sql: """
                    CREATE TABLE unit (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        duplicateKey TEXT NOT NULL UNIQUE,
                        tuid TEXT,
                        latestDate INTEGER,
                        languages TEXT NOT NULL,
                        payload BLOB NOT NULL
                    );
                    CREATE INDEX unit_tuid ON unit(tuid);
                    """)
            }
            try migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw MemoryStoreError.database(path: path, message: error.message ?? String(describing: error))
        }
    }

    /// Writes in one transaction; anything thrown by `body` rolls everything back.
    public func write<T>(_ body: (Writer) throws -> T) throws -> T {
        do {
            return try pool.write { db in try body(Writer(db: db)) }
        } catch let error as DatabaseError {
            throw MemoryStoreError.database(path: path, message: error.message ?? String(describing: error))
        }
    }

    /// Changes made inside ``write(_:)``.
    public struct Writer {
        let db: Database

        /// The unit with this duplicate key, if stored.
        public func unit(duplicateKey: String) throws -> StoredUnit? {
            try Row.fetchOne(db, sql: "SELECT id, payload FROM unit WHERE duplicateKey = ?", arguments: [duplicateKey])
                .map { StoredUnit(id: $0["id"], payload: $0["payload"]) }
        }

        public func insert(duplicateKey: String, tuid: String?, latestDate: Int64?, languages: [String], payload: Data) throws {
            try db.execute(sql: "INSERT INTO unit (duplicateKey, tuid, latestDate, languages, payload) VALUES (?, ?, ?, ?, ?)",
                           arguments: [duplicateKey, tuid, latestDate, languages.joined(separator: " "), payload])
        }

        public func update(id: Int64, tuid: String?, latestDate: Int64?, payload: Data) throws {
            try db.execute(sql: "UPDATE unit SET tuid = ?, latestDate = ?, payload = ? WHERE id = ?",
                           arguments: [tuid, latestDate, payload, id])
        }

        /// Deletes the units with this tuid; returns how many.
        public func delete(tuid: String) throws -> Int {
            try db.execute(sql: "DELETE FROM unit WHERE tuid = ?", arguments: [tuid])
            return db.changesCount
        }
    }

    /// Calls `body` with every stored unit, in insertion order.
    public func forEachUnit(_ body: (StoredUnit) throws -> Void) throws {
        do {
            try pool.read { db in
                let cursor = try Row.fetchCursor(db, sql: "SELECT id, payload FROM unit ORDER BY id")
                while let row = try cursor.next() { try body(StoredUnit(id: row["id"], payload: row["payload"])) }
            }
        } catch let error as DatabaseError {
            throw MemoryStoreError.database(path: path, message: error.message ?? String(describing: error))
        }
    }

    /// Unit count and variants per language (from the stored language lists).
    public func statistics() throws -> (units: Int, languages: [String: Int]) {
        try pool.read { db in
            let units = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM unit") ?? 0
            var languages: [String: Int] = [:]
            let cursor = try String.fetchCursor(db, sql: "SELECT languages FROM unit")
            while let list = try cursor.next() {
                for language in list.split(separator: " ") { languages[String(language), default: 0] += 1 }
            }
            return (units, languages)
        }
    }
}

/// Errors of the memory store.
public enum MemoryStoreError: Error, Equatable, CustomStringConvertible {
    case database(path: String, message: String)

    public var description: String {
        switch self {
        case let .database(path, message): return "\(path): memory store error: \(message)"
        }
    }
}
