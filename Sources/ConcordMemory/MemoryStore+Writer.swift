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
            let key = unit.duplicateKey
            let hash = StableHash.of(key.stableString)
            let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT id, payload FROM unit WHERE keyHash = ?"), arguments: [hash])
            for row in rows {
                let stored = try store.codec.decode(Array(row[1] as Data))
                guard stored.duplicateKey == key else { continue }
                var merged = stored
                merged.merge(unit)
                try rewrite(id: row[0], old: stored, new: merged)
                return .merged
            }
            try db.cachedStatement(sql: "INSERT INTO unit (keyHash, tuid, latestDate, payload) VALUES (?, ?, ?, ?)")
                .execute(arguments: [hash, unit.tuid, unit.latestDate?.secondsSinceEpoch, Data(try store.codec.encode(unit))])
            try insertVariants(of: unit, id: db.lastInsertedRowID)
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
            let hash = StableHash.of(new.duplicateKey.stableString)
            try db.cachedStatement(sql: "UPDATE unit SET keyHash = ?, tuid = ?, latestDate = ?, payload = ? WHERE id = ?")
                .execute(arguments: [hash, new.tuid, new.latestDate?.secondsSinceEpoch, Data(try store.codec.encode(new)), id])
            try removeVariants(of: old, id: id)
            try insertVariants(of: new, id: id)
        }

        private func insertVariants(of unit: TranslationUnit, id: Int64) throws {
            let insert = try db.cachedStatement(sql: "INSERT INTO variant (language, unit, ordinal, date, tokens) VALUES (?, ?, ?, ?, ?)")
            let date = unit.latestDate?.secondsSinceEpoch
            for (ordinal, variant) in unit.variants.enumerated() {
                let ids = try store.tokenizer.keys(of: variant.segment).map { try tokenID($0) }
                let tag = variant.language.canonical
                try insert.execute(arguments: [tag, id, ordinal, date, Data(TokenBlob.encode(ids))])
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

        private func tokenID(_ key: String) throws -> Int32 {
            if let id = store.vocabulary[TokenKey(key)] { return Int32(id) }
            try db.cachedStatement(sql: "INSERT INTO token (key) VALUES (?)").execute(arguments: [key])
            let id = db.lastInsertedRowID
            guard id <= Int64(Int32.max) else { throw MemoryStoreError.corrupt(path: store.path, detail: "more than \(Int32.max) distinct tokens") }
            store.vocabulary[TokenKey(key)] = id
            store.vocabularyTop = id
            return Int32(id)
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
