import GRDB

/// Rows of one table written many at a time, as multi-row INSERTs: an import
/// writes a million units, and a statement per row cost more in statement
/// handling than SQLite's own work. Rows wait here until ``flush()``; the
/// caller flushes before anything reads the table.
final class BulkInsert {
    private let db: Database
    private let table: String
    private let columns: [String]
    /// Rows per statement (parameters stay far below SQLite's limit).
    private let rowsPerStatement: Int
    private var values: [DatabaseValue] = []

    init(_ db: Database, table: String, columns: [String], rowsPerStatement: Int = 64) {
        self.db = db
        self.table = table
        self.columns = columns
        self.rowsPerStatement = rowsPerStatement
        values.reserveCapacity(columns.count * rowsPerStatement)
    }

    /// Queues a row (one value per column, in order); writes a full statement's worth at once.
    func append(_ row: [DatabaseValue]) throws {
        precondition(row.count == columns.count)
        values.append(contentsOf: row)
        if values.count == columns.count * rowsPerStatement { try flush() }
    }

    /// Writes every queued row.
    func flush() throws {
        guard !values.isEmpty else { return }
        let rows = values.count / columns.count
        let placeholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
            + Array(repeating: placeholders, count: rows).joined(separator: ",")
        // Full statements share one cached statement; the last, shorter one is prepared once.
        let statement = try db.cachedStatement(sql: sql)
        statement.setUncheckedArguments(StatementArguments(values))
        try statement.execute()
        values.removeAll(keepingCapacity: true)
    }
}
