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
///
/// Shared between threads: its state is constants, GRDB's pool (thread-safe),
/// the locked ``StoredTokenIDs``, and a tokenizer that only ``Writer`` uses,
/// inside write transactions, which GRDB runs one at a time.
public final class MemoryStore: @unchecked Sendable {
    /// How a command uses the store.
    public enum Access: Sendable {
        /// Reads only: the file is never created, stamped or changed (a read-only
        /// store or folder is fine).
        case readOnly
        /// May create the store (at a missing path or a zero-byte file) and change it.
        case readWrite
        /// Changes a store that must already exist (`tm edit`, `tm delete`): never creates one.
        case changeExisting

        /// True for the modes that write.
        var writes: Bool { self != .readOnly }
        /// True for the modes that may create the store.
        var creates: Bool { self == .readWrite }
    }

    public let path: String
    public let access: Access
    private let pool: any DatabaseWriter
    let codec: any UnitCodec
    let tokenizer: MatchTokenizer
    /// The token table as far as it has been read.
    let tokenIDs = StoredTokenIDs()

    /// Opens the store at `path`; with `.readWrite`, creates it if need be.
    public init(path: String, codec: any UnitCodec, access: Access = .readWrite) throws {
        self.path = path
        self.access = access
        self.codec = codec
        tokenizer = try MatchTokenizer()
        let kind = StoreFile.inspect(path)
        try Self.refuseUnlessStore(kind, path: path, access: access)
        do {
            var reader: DatabaseQueue?
            if case .sqlite = kind {
                // Judged through a read-only connection first: opening to write would already
                // change another program's database (the journal mode in its header).
                reader = try Self.openForReading(path)
                try Self.refuseForeignDatabase(reader!, path: path, access: access)
            }
            // A reading command keeps the connection it judged the file with.
            pool = access.writes ? try Self.openForWriting(path) : try reader ?? Self.openForReading(path)
            if access.writes {
                try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA application_id = \(StoreFile.applicationID)") }
            }
        } catch let error as DatabaseError {
            throw MemoryStoreError.from(error, path: path)
        }
        if access.writes { try migrate() } else { try refuseOutdatedLayout() }
    }

    /// Refuses what cannot be, or become, a store before SQLite touches it.
    private static func refuseUnlessStore(_ kind: StoreFile.Kind, path: String, access: Access) throws {
        switch kind {
        case .missing:
            if !access.creates { throw MemoryStoreError.missingStore(path: path) }
        case .empty:
            if !access.creates { throw MemoryStoreError.notAStore(path: path, reason: "the file is empty (make a store with concord tm import)") }
        case .directory:
            throw MemoryStoreError.notAStore(path: path, reason: "it is a directory")
        case let .other(looksLike):
            throw MemoryStoreError.notAStore(path: path, reason: looksLike)
        case let .sqlite(applicationID) where applicationID != 0 && applicationID != StoreFile.applicationID:
            throw MemoryStoreError.notAStore(path: path, reason: "it is another program's SQLite database (application id \(applicationID))")
        case .sqlite, .unreadable:
            break
        }
    }

    private static func openForWriting(_ path: String) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        // A large import touches index pages all over the file; a bigger page cache
        // keeps them from being written to the WAL again and again. 16 KiB pages
        // (for new stores; a store keeps the size it was made with) mean a quarter
        // of the writes and a smaller file: a 1M-unit import measured 29 s instead of 33.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA page_size = 16384; PRAGMA cache_size = -131072") }
        return try DatabasePool(path: path, configuration: configuration)
    }

    /// Opens without writing anything; a store whose folder cannot be written (so SQLite cannot
    /// make the shared-memory file WAL mode needs) is read as immutable.
    private static func openForReading(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.read { db in _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") }
            return queue
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CANTOPEN || error.resultCode == .SQLITE_READONLY {
            let queue = try DatabaseQueue(path: StoreFile.immutableURI(path), configuration: configuration)
            try queue.read { db in _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") }
            return queue
        }
    }

    /// Accepts a store Concord made (stamped, or with its migrations table: stamped when next
    /// written) or, to write, an SQLite database with no tables yet; refuses any other database.
    private static func refuseForeignDatabase(_ database: DatabaseQueue, path: String, access: Access) throws {
        let (applicationID, tables, hasMigrations) = try database.read { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'") ?? 0,
             try Bool.fetchOne(db, sql: "SELECT COUNT(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'grdb_migrations'") ?? false)
        }
        if applicationID == StoreFile.applicationID { return }
        var ours = false
        if hasMigrations {
            ours = try database.read { db in
                try Bool.fetchOne(db, sql: "SELECT COUNT(*) > 0 FROM grdb_migrations WHERE identifier = 'v1'") ?? false
            }
        }
        guard ours || (tables == 0 && access == .readWrite) else {
            throw MemoryStoreError.notAStore(path: path, reason: tables == 0 ? "the database is empty (make a store with concord tm import)"
                                                                                : "it is an SQLite database without Concord's tables (another program's?)")
        }
    }

    /// A store made by an older Concord is brought up to date by the first command that writes.
    private func refuseOutdatedLayout() throws {
        let current = try pool.read { db in
            try Bool.fetchOne(db, sql: "SELECT COUNT(*) > 0 FROM grdb_migrations WHERE identifier = ?", arguments: [Self.readableLayout]) ?? false
        }
        guard current else {
            throw MemoryStoreError.notAStore(path: path, reason: "it was made by an older Concord; bring it up to date by importing into it once (concord tm import FILE --db \(path))")
        }
    }

    /// The layout a store read without writing must have at least (later ones only add to it).
    static let readableLayout = "v2: token index"
    /// The migration that gave units their source language.
    static let sourceLanguageLayout = "v3: unit source language"
    /// The last migration: every store written is brought to it.
    static let currentLayout = "v4: generation"

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
        migrator.registerMigration(Self.readableLayout) { db in
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
        }
        // Each unit keeps the source language it came with, so that an export can say it. A store
        // of the first layout has its units re-added here, once the table has all its columns.
        migrator.registerMigration(Self.sourceLanguageLayout) { [self] db in
            try db.execute(sql: "ALTER TABLE unit ADD COLUMN sourceLanguage TEXT")
            guard try db.tableExists("unit_v1") else { return }
            let writer = Writer(db: db, store: self)
            let rows = try Row.fetchCursor(db, sql: "SELECT payload FROM unit_v1 ORDER BY id")
            while let row = try rows.next() { _ = try writer.add(codec.decode(Array(row["payload"] as Data))) }
            try writer.flush()
            try db.execute(sql: "DROP TABLE unit_v1")
        }
        // A number every write transaction raises, and an identity of the store: the index file
        // beside the store is used only while both are the ones it was built at.
        migrator.registerMigration(Self.currentLayout) { db in
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS generation (
                    id INTEGER PRIMARY KEY CHECK (id = 0),
                    value INTEGER NOT NULL,
                    identity INTEGER NOT NULL
                );
                INSERT OR IGNORE INTO generation (id, value, identity) VALUES (0, 1, random());
                """)
        }
        do {
            try migrator.migrate(pool)
            // A WAL left by a command that failed (a full disk) is folded into the store now.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        } catch let error as DatabaseError {
            throw MemoryStoreError.from(error, path: path)
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
                try db.execute(sql: "UPDATE generation SET value = value + 1")
                return result
            }
        } catch {
            // Token ids handed out inside the failed transaction were rolled back with it.
            tokenIDs.reset()
            if let error = error as? DatabaseError { throw MemoryStoreError.from(error, path: path) }
            throw error
        }
    }

    private func refreshVocabulary(_ db: Database) throws {
        let top = try TokenRecord.select(max(TokenRecord.Columns.id), as: Int64.self).fetchOne(db) ?? 0
        guard top != tokenIDs.top else { return }
        let rows = try TokenRecord.filter(TokenRecord.Columns.id > tokenIDs.top).fetchAll(db)
        tokenIDs.load(rows.map { ($0.id, $0.key) }, top: top)
    }

    // MARK: Reading

    private func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch let error as DatabaseError {
            throw MemoryStoreError.from(error, path: path)
        }
    }

    /// The store's generation and identity (see ``StoreStamp``); nil for a store of a layout
    /// before generations (read without writing, it is never brought up to date).
    public func stamp() throws -> StoreStamp? {
        try read { db in
            guard try db.tableExists("generation") else { return nil }
            guard let row = try Row.fetchOne(db, sql: "SELECT value, identity FROM generation WHERE id = 0") else { return nil }
            return StoreStamp(generation: row["value"], identity: row["identity"])
        }
    }

    /// The languages stored, with their variant counts.
    public func languages() throws -> [StoredLanguage] {
        try read { db in
            try LanguageRecord.filter(LanguageRecord.Columns.variants > 0).order(LanguageRecord.Columns.tag).fetchAll(db)
                .map { StoredLanguage(tag: $0.tag, variants: $0.variants) }
        }
    }

    /// The source language every unit came with, when they all came with the same one; nil when
    /// they differ, some came without one, or the store predates the column (`*all*` then).
    public func commonSourceLanguage() throws -> String? {
        try read { db in
            guard try db.columns(in: UnitRecord.databaseTableName).contains(where: { $0.name == UnitRecord.Columns.sourceLanguage.rawValue }) else {
                return nil
            }
            let found = try String?.fetchAll(db, sql: "SELECT DISTINCT sourceLanguage FROM unit LIMIT 2")
            return found.count == 1 ? found[0] : nil
        }
    }

    /// Unit count and variants per language.
    public func statistics() throws -> StoreStatistics {
        let units = try read { db in try UnitRecord.fetchCount(db) }
        return StoreStatistics(units: units, languages: Dictionary(uniqueKeysWithValues: try languages().map { ($0.tag, $0.variants) }))
    }

    /// The unit stored under `id`.
    public func unit(id: Int64) throws -> TranslationUnit {
        let payload = try read { db in try Data.fetchOne(db.cachedStatement(sql: UnitRecord.payloadByIDSQL), arguments: [id]) }
        guard let payload else { throw MemoryStoreError.missingUnit(path: path, id: id) }
        return try codec.decode(Array(payload))
    }

    /// The units stored under `ids` (decoded together), by id; ids not stored are left out.
    public func units(ids: [Int64]) throws -> [Int64: TranslationUnit] {
        var found: [Int64: TranslationUnit] = [:]
        for start in stride(from: 0, to: ids.count, by: 500) {     // well under SQLite's limit on parameters
            let chunk = Array(ids[start..<min(ids.count, start + 500)])
            // Lookups fetch units all the time: SQL written once and rows, not the query interface
            // and records, whose SQL generation and decoding cost more than the read.
            let rows = try read { db in
                try Row.fetchAll(db.cachedStatement(sql: UnitRecord.payloadsByIDsSQL(count: chunk.count)), arguments: StatementArguments(chunk))
            }
            for (row, unit) in zip(rows, try codec.decode(batch: rows.map { Array($0[1] as Data) })) { found[row[0]] = unit }
        }
        return found
    }

    /// Calls `body` with every stored unit and its id, in the order stored, until it returns false.
    /// Units are decoded a few hundred at a time.
    public func forEachUnit(_ body: (Int64, TranslationUnit) throws -> Bool) throws {
        try read { db in
            let rows = try Row.fetchCursor(db, UnitRecord.select(UnitRecord.Columns.id, UnitRecord.Columns.payload).order(UnitRecord.Columns.id))
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
            // Rows, not records: a store opened for lookups reads every token, and decoding
            // a record per row costs more than the rest of the loop.
            let rows = try Row.fetchCursor(db, TokenRecord.select(TokenRecord.Columns.id, TokenRecord.Columns.key))
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
