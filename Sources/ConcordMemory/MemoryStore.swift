import ConcordModel
import Foundation
import GRDB

/// A translation memory kept in an SQLite file (WAL mode) through GRDB.
///
/// Units are stored whole, as payloads the codec writes (Concord uses the
/// unit's own TMX), next to what lookups need without decoding them: each
/// variant's match tokens (ids into a token table), clustered by language, so
/// opening a store for lookups reads one language's rows and builds the index
/// from them. Every change happens in a transaction: a failure leaves the
/// store as it was.
public final class MemoryStore {
    public let path: String
    private let pool: DatabasePool
    let codec: any UnitCodec
    let tokenizer: MatchTokenizer
    /// The token table as far as it has been read.
    let tokenIDs = StoredTokenIDs()

    /// Opens (or creates) the store at `path`.
    public init(path: String, codec: any UnitCodec) throws {
        self.path = path
        self.codec = codec
        tokenizer = try MatchTokenizer()
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            // A large import touches index pages all over the file; a bigger page cache
            // keeps them from being written to the WAL again and again. 16 KiB pages
            // (for new stores; a store keeps the size it was made with) mean a quarter
            // of the writes and a smaller file: a 1M-unit import measured 29 s instead of 33.
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA page_size = 16384; PRAGMA cache_size = -131072") }
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch let error as DatabaseError {
            throw MemoryStoreError.database(path: path, message: error.message ?? String(describing: error))
        }
        try migrate()
    }

    private func migrate() throws {
        var migrator = DatabaseMigrator()
        // The first layout (whole units only); kept so that stores made with it are converted below.
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
        migrator.registerMigration("v2: token index") { [self] db in
            try db.execute(sql: """
                ALTER TABLE unit RENAME TO unit_v1;
                DROP INDEX unit_tuid;
                CREATE TABLE unit (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    keyHash INTEGER NOT NULL,
                    tuid TEXT,
                    latestDate INTEGER,
                    payload BLOB NOT NULL
                );
                CREATE INDEX unit_keyHash ON unit(keyHash);
                CREATE INDEX unit_tuid ON unit(tuid);
                CREATE TABLE variant (
                    language TEXT NOT NULL,
                    unit INTEGER NOT NULL,
                    ordinal INTEGER NOT NULL,
                    date INTEGER,
                    tokens BLOB NOT NULL,
                    PRIMARY KEY (language, unit, ordinal)
                ) WITHOUT ROWID;
                CREATE TABLE token (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE);
                CREATE TABLE language (tag TEXT PRIMARY KEY, variants INTEGER NOT NULL) WITHOUT ROWID;
                """)
            let writer = Writer(db: db, store: self)
            let rows = try Row.fetchCursor(db, sql: "SELECT payload FROM unit_v1 ORDER BY id")
            while let row = try rows.next() { _ = try writer.add(codec.decode(Array(row["payload"] as Data))) }
            try writer.flush()
            try db.execute(sql: "DROP TABLE unit_v1")
        }
        do {
            try migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw MemoryStoreError.database(path: path, message: error.message ?? String(describing: error))
        }
    }

    /// Writes in one transaction; anything thrown by `body` rolls everything back.
    public func write<T>(_ body: (Writer) throws -> T) throws -> T {
        do {
            return try pool.write { db in
                try refreshVocabulary(db)
                let writer = Writer(db: db, store: self)
                let result = try body(writer)
                try writer.flush()
                return result
            }
        } catch {
            // Token ids handed out inside the failed transaction were rolled back with it.
            tokenIDs.reset()
            if let error = error as? DatabaseError {
                throw MemoryStoreError.database(path: path, message: error.message ?? String(describing: error))
            }
            throw error
        }
    }

    private func refreshVocabulary(_ db: Database) throws {
        let top = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM token") ?? 0
        guard top != tokenIDs.top else { return }
        let rows = try Row.fetchAll(db, sql: "SELECT id, key FROM token WHERE id > ?", arguments: [tokenIDs.top])
        tokenIDs.load(rows.map { ($0[0], $0[1]) }, top: top)
    }

    // MARK: Reading

    private func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch let error as DatabaseError {
            throw MemoryStoreError.database(path: path, message: error.message ?? String(describing: error))
        }
    }

    /// The languages stored, with their variant counts.
    public func languages() throws -> [(tag: String, variants: Int)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT tag, variants FROM language WHERE variants > 0 ORDER BY tag").map { ($0[0], $0[1]) }
        }
    }

    /// Unit count and variants per language.
    public func statistics() throws -> (units: Int, languages: [String: Int]) {
        let units = try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM unit") ?? 0 }
        return (units, Dictionary(uniqueKeysWithValues: try languages().map { ($0.tag, $0.variants) }))
    }

    /// The unit stored under `id`.
    public func unit(id: Int64) throws -> TranslationUnit {
        let payload = try read { db in try Data.fetchOne(db, sql: "SELECT payload FROM unit WHERE id = ?", arguments: [id]) }
        guard let payload else { throw MemoryStoreError.missingUnit(path: path, id: id) }
        return try codec.decode(Array(payload))
    }

    /// The units stored under `ids` (decoded together), by id; ids not stored are left out.
    public func units(ids: [Int64]) throws -> [Int64: TranslationUnit] {
        var found: [Int64: TranslationUnit] = [:]
        for start in stride(from: 0, to: ids.count, by: 500) {     // well under SQLite's limit on parameters
            let chunk = Array(ids[start..<min(ids.count, start + 500)])
            let rows = try read { db in
                try Row.fetchAll(db, sql: "SELECT id, payload FROM unit WHERE id IN (\(chunk.map { _ in "?" }.joined(separator: ",")))",
                                 arguments: StatementArguments(chunk))
            }
            for (row, unit) in zip(rows, try codec.decode(batch: rows.map { Array($0[1] as Data) })) { found[row[0]] = unit }
        }
        return found
    }

    /// Calls `body` with every stored unit and its id, in the order stored, until it returns false.
    /// Units are decoded a few hundred at a time.
    public func forEachUnit(_ body: (Int64, TranslationUnit) throws -> Bool) throws {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT id, payload FROM unit ORDER BY id")
            var ids: [Int64] = [], payloads: [[UInt8]] = []
            func flush() throws -> Bool {
                defer { ids.removeAll(keepingCapacity: true); payloads.removeAll(keepingCapacity: true) }
                for (id, unit) in zip(ids, try codec.decode(batch: payloads)) where try !body(id, unit) { return false }
                return true
            }
            while let row = try rows.next() {
                ids.append(row[0])
                payloads.append(Array(row[1] as Data))
                if ids.count == 512, try !flush() { return }
            }
            _ = try flush()
        }
    }

    /// Calls `body` with every token id and key.
    public func forEachToken(_ body: (Int64, String) throws -> Void) throws {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT id, key FROM token")
            while let row = try rows.next() { try body(row[0], row[1]) }
        }
    }

    /// Calls `body` with the variants of language `tag` (exactly, as ``languages()`` gives it),
    /// ordered by unit and position in the unit: the unit id, the variant's position, the unit's
    /// newest date, and (with `withTokens`) the variant's match tokens as token-table ids.
    public func forEachVariant(language tag: String, withTokens: Bool,
                               _ body: (_ unit: Int64, _ ordinal: Int, _ date: Int64?, _ tokens: [Int32]) throws -> Void) throws {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT unit, ordinal, date\(withTokens ? ", tokens" : "") FROM variant WHERE language = ?",
                                           arguments: [tag])
            var tokens: [Int32] = []
            while let row = try rows.next() {
                let unit: Int64 = row[0]
                if withTokens {
                    let whole = try row.withUnsafeData(atIndex: 3) { data in
                        (data ?? Data()).withUnsafeBytes { TokenBlob.decode($0, into: &tokens) }
                    }
                    guard whole else { throw MemoryStoreError.corrupt(path: path, detail: "the tokens of unit \(unit) are cut short") }
                }
                try body(unit, row[1], row[2], tokens)
            }
        }
    }
}

/// Errors of the memory store.
public enum MemoryStoreError: Error, Equatable, CustomStringConvertible {
    case database(path: String, message: String)
    case missingUnit(path: String, id: Int64)
    case corrupt(path: String, detail: String)

    public var description: String {
        switch self {
        case let .database(path, message): return "\(path): memory store error: \(message)"
        case let .missingUnit(path, id): return "\(path): no unit \(id) in the memory store"
        case let .corrupt(path, detail): return "\(path): the memory store is damaged: \(detail)"
        }
    }
}
