import ConcordModel
import Foundation
import GRDB

extension MemoryStore {
    /// What adding a unit did.
    public enum AddOutcome: Sendable { case added, merged }

    /// Changes made inside ``MemoryStore/write(_:)``, all in one transaction.
    public final class Writer {
        let db: Database
        let store: MemoryStore
        private var languageChanges: [String: Int] = [:]

        init(db: Database, store: MemoryStore) {
            self.db = db
            self.store = store
        }

        /// Adds `unit`, or merges it into the stored unit it duplicates (the project's
        /// rule: equal comparison keys; newest change date wins, props and notes united).
        public func add(_ unit: TranslationUnit) throws -> AddOutcome {
            try add(PreparedUnit(unit, tokenizer: store.tokenizer, codec: store.codec, tokenIDs: store.tokenIDs, path: store.path))
        }

        /// Adds every unit `next` yields (units without variants are read and
        /// skipped). Reading and preparing units (duplicate key, payload, match
        /// tokens and their ids) runs on a second thread while this one writes
        /// to the database. `next` is only ever called from that thread, and
        /// never after this returns or throws.
        public func addAll(from next: @escaping () throws -> TranslationUnit?) throws -> (read: Int, added: Int, merged: Int) {
            let pipeline = UnitPipeline<PreparedUnit>()
            let counter = ReadCounter()
            let done = DispatchSemaphore(value: 0)
            let tokenizer = try MatchTokenizer() // not thread-safe: the producer gets its own
            let (codec, tokenIDs, path) = (store.codec, store.tokenIDs, store.path)
            let producer = Thread {
                var batch: [PreparedUnit] = []
                do {
                    while let unit = try next() {
                        counter.read += 1
                        guard !unit.variants.isEmpty else { continue }
                        batch.append(try PreparedUnit(unit, tokenizer: tokenizer, codec: codec, tokenIDs: tokenIDs, path: path))
                        if batch.count == 256 {
                            guard pipeline.push(batch) else { break }
                            batch = []
                        }
                    }
                    if !batch.isEmpty { _ = pipeline.push(batch) }
                    pipeline.finish(error: nil)
                } catch {
                    pipeline.finish(error: error)
                }
                done.signal()
            }
            producer.stackSize = 8 << 20
            producer.start()
            // Whatever happens here, the producer is stopped and gone before we return.
            var joined = false
            defer {
                if !joined {
                    pipeline.cancel()
                    done.wait()
                }
            }
            var added = 0, merged = 0
            let rows = try NewRows(db)
            while let batch = try pipeline.pop() {
                // Units whose key hash is already stored, or repeats one earlier in this batch,
                // go one by one (they may merge); the rest are written together.
                let stored = try storedKeyHashes(among: batch.map(\.keyHash))
                var inBatch: Set<Int64> = []
                for prepared in batch {
                    if stored.contains(prepared.keyHash) || !inBatch.insert(prepared.keyHash).inserted {
                        try rows.flush()
                        switch try add(prepared, id: rows.nextUnitID) {
                        case .added:
                            added += 1
                            rows.nextUnitID += 1
                        case .merged:
                            merged += 1
                        }
                    } else {
                        try queue(prepared, into: rows)
                        added += 1
                    }
                }
                try rows.flush()
            }
            done.wait()
            joined = true
            return (counter.read, added, merged)
        }

        /// The tables' pending rows, and the id the next new unit gets.
        private final class NewRows {
            let units, variants, tokens: BulkInsert
            var nextUnitID: Int64

            init(_ db: Database) throws {
                units = BulkInsert(db, table: "unit", columns: ["id", "keyHash", "tuid", "latestDate", "payload"])
                variants = BulkInsert(db, table: "variant", columns: ["language", "unit", "ordinal", "date", "tokens"])
                tokens = BulkInsert(db, table: "token", columns: ["id", "key"], rowsPerStatement: 128)
                // Ids are never reused (AUTOINCREMENT): start above the highest ever handed out.
                let highest = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM unit") ?? 0
                let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'unit'") ?? 0
                nextUnitID = max(highest, sequence) + 1
            }

            func flush() throws {
                try tokens.flush()
                try units.flush()
                try variants.flush()
            }
        }

        private func queue(_ prepared: PreparedUnit, into rows: NewRows) throws {
            for token in prepared.newTokens { try rows.tokens.append(.integer(Int64(token.id)), .text(token.key)) }
            let unit = prepared.unit
            let id = rows.nextUnitID
            rows.nextUnitID += 1
            let date: DatabaseValue = unit.latestDate.map { .integer($0.secondsSinceEpoch) } ?? .null
            try rows.units.append(.integer(id), .integer(prepared.keyHash), .text(unit.tuid), date, .blob(prepared.payload))
            for (ordinal, variant) in unit.variants.enumerated() {
                let tag = variant.language.canonical
                try rows.variants.append(.text(tag), .integer(id), .integer(Int64(ordinal)), date, .blob(prepared.tokenBlobs[ordinal]))
                languageChanges[tag, default: 0] += 1
            }
        }

        /// Which of `hashes` some stored unit has.
        private func storedKeyHashes(among hashes: [Int64]) throws -> Set<Int64> {
            var found: Set<Int64> = []
            var start = 0
            while start < hashes.count {
                let chunk = hashes[start..<min(start + 256, hashes.count)]
                let sql = "SELECT keyHash FROM unit WHERE keyHash IN (" + Array(repeating: "?", count: chunk.count).joined(separator: ",") + ")"
                try BoundStatement(db, sql: sql).query(values: chunk.map { .integer($0) }) { found.insert($0[0]) }
                start += chunk.count
            }
            return found
        }

        /// Adds or merges one unit; a new unit gets `newID` when given (else the next AUTOINCREMENT id).
        private func add(_ prepared: PreparedUnit, id newID: Int64? = nil) throws -> AddOutcome {
            // Token rows first: the ids were handed out when the unit was prepared.
            let insertToken = try BoundStatement(db, sql: "INSERT INTO token (id, key) VALUES (?, ?)")
            for token in prepared.newTokens { try insertToken.execute(.integer(Int64(token.id)), .text(token.key)) }
            let unit = prepared.unit
            let (key, keyHash) = (prepared.key, prepared.keyHash)
            var duplicates: [(id: Int64, payload: [UInt8])] = []
            try BoundStatement(db, sql: "SELECT id, payload FROM unit WHERE keyHash = ?").query(.integer(keyHash)) { row in
                duplicates.append((row[0], Array(row[1] as Data)))
            }
            for (id, payload) in duplicates {
                let stored = try store.codec.decode(payload)
                guard stored.duplicateKey == key else { continue }
                var merged = stored
                merged.merge(unit)
                try rewrite(id: id, old: stored, new: merged)
                return .merged
            }
            try BoundStatement(db, sql: "INSERT INTO unit (id, keyHash, tuid, latestDate, payload) VALUES (?, ?, ?, ?, ?)").execute(
                newID.map { .integer($0) } ?? .null, .integer(keyHash), .text(unit.tuid),
                unit.latestDate.map { .integer($0.secondsSinceEpoch) } ?? .null, .blob(prepared.payload))
            try insertVariants(of: unit, id: db.lastInsertedRowID, tokenBlobs: prepared.tokenBlobs)
            return .added
        }

        /// The stored units with this tuid, with their ids.
        public func units(tuid: String) throws -> [(id: Int64, unit: TranslationUnit)] {
            try Row.fetchAll(db, sql: "SELECT id, payload FROM unit WHERE tuid = ? ORDER BY id", arguments: [tuid])
                .map { ($0[0], try store.codec.decode(Array($0[1] as Data))) }
        }

        /// Replaces the unit stored under `id` (``units(tuid:)`` gives ids).
        public func replace(id: Int64, with unit: TranslationUnit) throws {
            guard let payload = try Data.fetchOne(db, sql: "SELECT payload FROM unit WHERE id = ?", arguments: [id]) else {
                throw MemoryStoreError.missingUnit(path: store.path, id: id)
            }
            try rewrite(id: id, old: store.codec.decode(Array(payload)), new: unit)
        }

        /// Deletes the units with this tuid; returns how many.
        public func delete(tuid: String) throws -> Int {
            let found = try units(tuid: tuid)
            for (id, unit) in found {
                try removeVariants(of: unit, id: id)
                try db.execute(sql: "DELETE FROM unit WHERE id = ?", arguments: [id])
            }
            return found.count
        }

        private func rewrite(id: Int64, old: TranslationUnit, new: TranslationUnit) throws {
            let prepared = try PreparedUnit(new, tokenizer: store.tokenizer, codec: store.codec, tokenIDs: store.tokenIDs, path: store.path)
            let insertToken = try BoundStatement(db, sql: "INSERT INTO token (id, key) VALUES (?, ?)")
            for token in prepared.newTokens { try insertToken.execute(.integer(Int64(token.id)), .text(token.key)) }
            try db.cachedStatement(sql: "UPDATE unit SET keyHash = ?, tuid = ?, latestDate = ?, payload = ? WHERE id = ?")
                .execute(arguments: [prepared.keyHash, new.tuid, new.latestDate?.secondsSinceEpoch, prepared.payload, id])
            try removeVariants(of: old, id: id)
            try insertVariants(of: new, id: id, tokenBlobs: prepared.tokenBlobs)
        }

        private func insertVariants(of unit: TranslationUnit, id: Int64, tokenBlobs: [Data]) throws {
            let insert = try BoundStatement(db, sql: "INSERT INTO variant (language, unit, ordinal, date, tokens) VALUES (?, ?, ?, ?, ?)")
            let date: DatabaseValue = unit.latestDate.map { .integer($0.secondsSinceEpoch) } ?? .null
            for (ordinal, variant) in unit.variants.enumerated() {
                let tag = variant.language.canonical
                try insert.execute(.text(tag), .integer(id), .integer(Int64(ordinal)), date, .blob(tokenBlobs[ordinal]))
                languageChanges[tag, default: 0] += 1
            }
        }

        private func removeVariants(of unit: TranslationUnit, id: Int64) throws {
            let delete = try db.cachedStatement(sql: "DELETE FROM variant WHERE language = ? AND unit = ?")
            for language in unit.languages {
                try delete.execute(arguments: [language.canonical, id])
            }
            for variant in unit.variants { languageChanges[variant.language.canonical, default: 0] -= 1 }
        }

        /// Writes the variant counts per language.
        func flush() throws {
            let upsert = try db.cachedStatement(sql: """
                INSERT INTO language (tag, variants) VALUES (?, ?)
                ON CONFLICT(tag) DO UPDATE SET variants = variants + excluded.variants
                """)
            for (tag, change) in languageChanges where change != 0 { try upsert.execute(arguments: [tag, change]) }
            languageChanges = [:]
        }
    }
}

/// A unit made ready for the store (duplicate key, payload, match-token ids):
/// on the reading thread when importing, while the database thread writes.
struct PreparedUnit {
    let unit: TranslationUnit
    let key: DuplicateKey
    let keyHash: Int64
    /// The unit as the codec stores it.
    let payload: Data
    /// Each variant's match-token ids as stored (see ``TokenBlob``).
    let tokenBlobs: [Data]
    /// Tokens numbered for this unit that the token table does not hold yet.
    let newTokens: [(id: Int32, key: String)]

    init(_ unit: TranslationUnit, tokenizer: MatchTokenizer, codec: any UnitCodec, tokenIDs: StoredTokenIDs, path: String) throws {
        self.unit = unit
        key = unit.duplicateKey
        keyHash = StableHash.of(key.stableString)
        payload = Data(try codec.encode(unit))
        var newTokens: [(id: Int32, key: String)] = []
        var exhausted = false
        var ids: [Int32] = []
        tokenBlobs = try tokenIDs.locked { tokenIDs in
            try unit.variants.map { variant in
                ids.removeAll(keepingCapacity: true)
                try tokenizer.forEachKey(of: variant.segment) { key in
                    guard let (id, isNew) = tokenIDs.unlockedID(for: key) else {
                        exhausted = true
                        return
                    }
                    if isNew { newTokens.append((id, String(decoding: key, as: UTF8.self))) }
                    ids.append(id)
                }
                return Data(TokenBlob.encode(ids))
            }
        }
        if exhausted { throw MemoryStoreError.corrupt(path: path, detail: "more than \(Int32.max) distinct tokens") }
        self.newTokens = newTokens
    }
}

/// How many units the producer has read (read by the consumer once the producer is done).
private final class ReadCounter: @unchecked Sendable {
    var read = 0
}
