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
            while let batch = try pipeline.pop() {
                for prepared in batch {
                    switch try add(prepared) {
                    case .added: added += 1
                    case .merged: merged += 1
                    }
                }
            }
            done.wait()
            joined = true
            return (counter.read, added, merged)
        }

        private func add(_ prepared: PreparedUnit) throws -> AddOutcome {
            // Token rows first: the ids were handed out when the unit was prepared.
            let insertToken = try RawStatement(db, sql: "INSERT INTO token (id, key) VALUES (?, ?)")
            for token in prepared.newTokens { try insertToken.execute(.integer(Int64(token.id)), .text(token.key)) }
            let unit = prepared.unit
            let (key, keyHash) = (prepared.key, prepared.keyHash)
            var duplicates: [(id: Int64, payload: [UInt8])] = []
            try RawStatement(db, sql: "SELECT id, payload FROM unit WHERE keyHash = ?").query(.integer(keyHash)) { row in
                duplicates.append((row.integer(0), row.blob(1)))
            }
            for (id, payload) in duplicates {
                let stored = try store.codec.decode(payload)
                guard stored.duplicateKey == key else { continue }
                var merged = stored
                merged.merge(unit)
                try rewrite(id: id, old: stored, new: merged)
                return .merged
            }
            try RawStatement(db, sql: "INSERT INTO unit (keyHash, tuid, latestDate, payload) VALUES (?, ?, ?, ?)").execute(
                .integer(keyHash), unit.tuid.map { .text($0) } ?? .null,
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
            let insertToken = try RawStatement(db, sql: "INSERT INTO token (id, key) VALUES (?, ?)")
            for token in prepared.newTokens { try insertToken.execute(.integer(Int64(token.id)), .text(token.key)) }
            try db.cachedStatement(sql: "UPDATE unit SET keyHash = ?, tuid = ?, latestDate = ?, payload = ? WHERE id = ?")
                .execute(arguments: [prepared.keyHash, new.tuid, new.latestDate?.secondsSinceEpoch, Data(prepared.payload), id])
            try removeVariants(of: old, id: id)
            try insertVariants(of: new, id: id, tokenBlobs: prepared.tokenBlobs)
        }

        private func insertVariants(of unit: TranslationUnit, id: Int64, tokenBlobs: [[UInt8]]) throws {
            let insert = try RawStatement(db, sql: "INSERT INTO variant (language, unit, ordinal, date, tokens) VALUES (?, ?, ?, ?, ?)")
            let date: RawStatement.Value = unit.latestDate.map { .integer($0.secondsSinceEpoch) } ?? .null
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
    let payload: [UInt8]
    /// Each variant's match-token ids as stored (see ``TokenBlob``).
    let tokenBlobs: [[UInt8]]
    /// Tokens numbered for this unit that the token table does not hold yet.
    let newTokens: [(id: Int32, key: String)]

    init(_ unit: TranslationUnit, tokenizer: MatchTokenizer, codec: any UnitCodec, tokenIDs: StoredTokenIDs, path: String) throws {
        self.unit = unit
        key = unit.duplicateKey
        keyHash = StableHash.of(key.stableString)
        payload = try codec.encode(unit)
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
                return TokenBlob.encode(ids)
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
