import Foundation
import GRDB

/// A cached statement run with values already converted to `DatabaseValue`:
/// an import runs several statements per unit, and building arguments from
/// array literals of `DatabaseValueConvertible` (an existential per value,
/// checked against the statement each time) cost as much as SQLite's work.
struct BoundStatement {
    private let statement: Statement

    init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
    }

    /// Runs the statement to completion (an INSERT or UPDATE).
    func execute(_ values: DatabaseValue...) throws {
        statement.setUncheckedArguments(StatementArguments(values))
        try statement.execute()
    }

    /// Runs a query, calling `body` with each result row.
    func query(_ values: DatabaseValue..., row body: (Row) throws -> Void) throws {
        try query(values: values, row: body)
    }

    func query(values: [DatabaseValue], row body: (Row) throws -> Void) throws {
        statement.setUncheckedArguments(StatementArguments(values))
        let rows = try Row.fetchCursor(statement)
        while let row = try rows.next() { try body(row) }
    }
}

extension DatabaseValue {
    static func integer(_ value: Int64) -> DatabaseValue { value.databaseValue }
    static func text(_ value: String?) -> DatabaseValue { value?.databaseValue ?? .null }
    static func blob(_ value: Data) -> DatabaseValue { value.databaseValue }
}
