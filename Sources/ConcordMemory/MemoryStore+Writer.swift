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
        /// Variants added (or removed) per language, written to the language table by ``flush()``.
        var languageChanges: [String: Int] = [:]

        init(db: Database, store: MemoryStore) {
            self.db = db
            self.store = store
        }

        /// Adds `unit`, or merges it into the stored unit it duplicates (the project's
        /// rule: equal comparison keys; newest change date wins, props and notes united).
        public func add(_ unit: TranslationUnit) throws -> AddOutcome {
            try add(PreparedUnit(unit, tokenizer: store.tokenizer, codec: store.codec, tokenIDs: store.tokenIDs, path: store.path))
        }

        /// Adds or merges one unit; a new unit gets `newID` when given (else the next AUTOINCREMENT id).
        func add(_ prepared: PreparedUnit, id newID: Int64? = nil) throws -> AddOutcome {
            try insertNewTokens(of: prepared)
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
            try insertNewTokens(of: prepared)
            try db.cachedStatement(sql: "UPDATE unit SET keyHash = ?, tuid = ?, latestDate = ?, payload = ? WHERE id = ?")
                .execute(arguments: [prepared.keyHash, new.tuid, new.latestDate?.secondsSinceEpoch, prepared.payload, id])
            try removeVariants(of: old, id: id)
            try insertVariants(of: new, id: id, tokenBlobs: prepared.tokenBlobs)
        }

        /// The token rows for ids handed out when the unit was prepared.
        private func insertNewTokens(of prepared: PreparedUnit) throws {
            let insert = try BoundStatement(db, sql: "INSERT INTO token (id, key) VALUES (?, ?)")
            for token in prepared.newTokens { try insert.execute(.integer(Int64(token.id)), .text(token.key)) }
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
