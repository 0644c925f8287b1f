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
        /// `defaultSource` is the source language of the unit's file, kept when the unit has no srclang of its own.
        public func add(_ unit: TranslationUnit, defaultSource: LanguageTag? = nil) throws -> AddOutcome {
            try add(PreparedUnit(unit, defaultSource: defaultSource, tokenizer: store.tokenizer, codec: store.codec,
                                 tokenIDs: store.tokenIDs, path: store.path))
        }

        /// Adds or merges one unit; a new unit gets `newID` when given (else the next AUTOINCREMENT id).
        func add(_ prepared: PreparedUnit, id newID: Int64? = nil) throws -> AddOutcome {
            try insertNewTokens(of: prepared)
            let candidates = try UnitRecord.filter(UnitRecord.Columns.keyHash == prepared.keyHash).fetchAll(db)
            for candidate in candidates {
                let stored = try store.codec.decode(Array(candidate.payload))
                guard stored.duplicateKey == prepared.key, let id = candidate.id else { continue }
                var merged = stored
                merged.merge(prepared.unit)
                try rewrite(id: id, old: stored, new: merged, sourceLanguage: candidate.sourceLanguage)
                return .merged
            }
            var record = UnitRecord(prepared, id: newID)
            try record.insert(db)
            try insertVariants(of: prepared, id: record.id!)
            return .added
        }

        /// The stored units with this tuid, with their ids.
        public func units(tuid: String) throws -> [StoredUnit] {
            try UnitRecord.filter(UnitRecord.Columns.tuid == tuid).order(UnitRecord.Columns.id).fetchAll(db)
                .map { StoredUnit(id: $0.id!, unit: try store.codec.decode(Array($0.payload))) }
        }

        /// Replaces the unit stored under `id` (``units(tuid:)`` gives ids).
        public func replace(id: Int64, with unit: TranslationUnit) throws {
            guard let record = try UnitRecord.fetchOne(db, key: id) else {
                throw MemoryStoreError.missingUnit(path: store.path, id: id)
            }
            try rewrite(id: id, old: store.codec.decode(Array(record.payload)), new: unit, sourceLanguage: record.sourceLanguage)
        }

        /// Deletes the units with this tuid; returns how many.
        public func delete(tuid: String) throws -> Int {
            let found = try units(tuid: tuid)
            for stored in found {
                try removeVariants(of: stored.unit, id: stored.id)
                _ = try UnitRecord.deleteOne(db, key: stored.id)
            }
            return found.count
        }

        /// Replaces a stored unit, keeping the source language it was stored with.
        private func rewrite(id: Int64, old: TranslationUnit, new: TranslationUnit, sourceLanguage: String?) throws {
            let prepared = try PreparedUnit(new, tokenizer: store.tokenizer, codec: store.codec, tokenIDs: store.tokenIDs, path: store.path)
            try insertNewTokens(of: prepared)
            try UnitRecord(prepared, id: id, sourceLanguage: sourceLanguage).update(db)
            try removeVariants(of: old, id: id)
            try insertVariants(of: prepared, id: id)
        }

        /// The token rows for ids handed out when the unit was prepared.
        private func insertNewTokens(of prepared: PreparedUnit) throws {
            for token in prepared.tokenRecords { try token.insert(db) }
        }

        private func insertVariants(of prepared: PreparedUnit, id: Int64) throws {
            for variant in prepared.variantRecords(unit: id) {
                try variant.insert(db)
                languageChanges[variant.language, default: 0] += 1
            }
        }

        private func removeVariants(of unit: TranslationUnit, id: Int64) throws {
            for language in unit.languages {
                _ = try VariantRecord.filter(VariantRecord.Columns.language == language.canonical && VariantRecord.Columns.unit == id).deleteAll(db)
            }
            for variant in unit.variants { languageChanges[variant.language.canonical, default: 0] -= 1 }
        }

        /// Writes the variant counts per language.
        func flush() throws {
            for (tag, change) in languageChanges where change != 0 {
                // An upsert: GRDB's record methods cannot add to the stored count.
                try db.execute(sql: "INSERT INTO language (tag, variants) VALUES (?, ?) ON CONFLICT(tag) DO UPDATE SET variants = variants + excluded.variants",
                               arguments: [tag, change])
            }
            languageChanges = [:]
        }
    }
}

/// A unit as stored, with the id edits and deletes refer to it by.
public struct StoredUnit: Sendable {
    public var id: Int64
    public var unit: TranslationUnit
}
