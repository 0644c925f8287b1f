import Foundation
import GRDB

// The store's tables as GRDB records. Single rows go through GRDB's persistence
// methods; the import's bulk path writes the same records' values many rows at a
// time (``BulkInsert``), so each table's columns are named in one place.

/// A row of `unit`: a translation unit kept whole as its codec's payload.
struct UnitRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "unit"
    enum Columns: String, ColumnExpression, CaseIterable { case id, keyHash, tuid, latestDate, payload, sourceLanguage }
    static let columnNames = Columns.allCases.map(\.rawValue)

    /// nil until inserted (then AUTOINCREMENT gives one), unless the import numbers units itself.
    var id: Int64?
    /// A hash of the duplicate key: units with equal hashes are compared in full.
    var keyHash: Int64
    var tuid: String?
    /// The newest of the unit's change and creation dates, seconds since 1970.
    var latestDate: Int64?
    var payload: Data
    /// The source language the unit came with (its srclang, else its file's), for exports; nil when unknown.
    var sourceLanguage: String?

    /// The values in ``columnNames`` order, for bulk inserts.
    var databaseValues: [DatabaseValue] {
        [id.databaseValue, keyHash.databaseValue, tuid.databaseValue, latestDate.databaseValue, payload.databaseValue, sourceLanguage.databaseValue]
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The hot reads of lookups, as SQL written once (cached as prepared statements).
    static let payloadByIDSQL = "SELECT payload FROM unit WHERE id = ?"
    static func keyHashesSQL(count: Int) -> String {
        "SELECT keyHash FROM unit WHERE keyHash IN (" + Array(repeating: "?", count: count).joined(separator: ",") + ")"
    }
    static func payloadsByIDsSQL(count: Int) -> String {
        "SELECT id, payload FROM unit WHERE id IN (" + Array(repeating: "?", count: count).joined(separator: ",") + ")"
    }
}

/// A row of `variant`: the match tokens of one language variant of a unit, clustered by
/// language so that opening a store for one pair reads one language's rows.
struct VariantRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "variant"
    enum Columns: String, ColumnExpression, CaseIterable { case language, unit, ordinal, date, tokens }
    static let columnNames = Columns.allCases.map(\.rawValue)

    /// The language tag in canonical case.
    var language: String
    var unit: Int64
    /// The variant's position in the unit.
    var ordinal: Int64
    var date: Int64?
    /// Token ids, little-endian 32-bit.
    var tokens: Data

    var databaseValues: [DatabaseValue] {
        [language.databaseValue, unit.databaseValue, ordinal.databaseValue, date.databaseValue, tokens.databaseValue]
    }
}

/// A row of `token`: a match token's key and the id variants refer to it by.
struct TokenRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "token"
    enum Columns: String, ColumnExpression, CaseIterable { case id, key }
    static let columnNames = Columns.allCases.map(\.rawValue)

    var id: Int64
    var key: String

    var databaseValues: [DatabaseValue] { [id.databaseValue, key.databaseValue] }
}

/// A row of `language`: how many variants the store has in a language.
struct LanguageRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "language"
    enum Columns: String, ColumnExpression, CaseIterable { case tag, variants }

    var tag: String
    var variants: Int
}

extension UnitRecord {
    /// The record for a prepared unit (`sourceLanguage` overrides the unit's, to keep a stored one).
    init(_ prepared: PreparedUnit, id: Int64?, sourceLanguage: String? = nil) {
        self.init(id: id, keyHash: prepared.keyHash, tuid: prepared.unit.tuid,
                  latestDate: prepared.unit.latestDate?.secondsSinceEpoch, payload: prepared.payload,
                  sourceLanguage: sourceLanguage ?? prepared.sourceLanguage)
    }
}

extension PreparedUnit {
    /// The unit's variant rows, once it has the id `unit`.
    func variantRecords(unit: Int64) -> [VariantRecord] {
        let date = self.unit.latestDate?.secondsSinceEpoch
        return self.unit.variants.enumerated().map { ordinal, variant in
            VariantRecord(language: variant.language.canonical, unit: unit, ordinal: Int64(ordinal), date: date, tokens: tokenBlobs[ordinal])
        }
    }

    /// The token rows for the ids handed out when the unit was prepared.
    var tokenRecords: [TokenRecord] {
        newTokens.map { TokenRecord(id: Int64($0.id), key: $0.key) }
    }
}
