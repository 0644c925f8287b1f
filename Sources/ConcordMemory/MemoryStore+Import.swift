import ConcordModel
import Foundation
import GRDB

/// Importing many units at once: reading and preparing on one thread, writing in bulk on this one.
extension MemoryStore.Writer {
    /// Adds every unit `next` yields (units without variants are read and
    /// skipped). Reading and preparing units (duplicate key, payload, match
    /// tokens and their ids) runs on a second thread while this one writes
    /// to the database. `next` is only ever called from that thread, and
    /// never after this returns or throws.
    /// `defaultSource` is the source language of the units' file (kept for units without their own srclang).
    public func addAll(from next: @escaping () throws -> TranslationUnit?, defaultSource: LanguageTag? = nil) throws -> ImportCounts {
        let pipeline = UnitPipeline<PreparedUnit>()
        let counter = ReadCounter()
        let done = DispatchSemaphore(value: 0)
        // Not thread-safe, so the producer gets its own tokenizer; it alone calls `next`.
        let inputs = ProducerInputs(next: next, tokenizer: try MatchTokenizer())
        let (codec, tokenIDs, path) = (store.codec, store.tokenIDs, store.path)
        let producer = Thread {
            let (next, tokenizer) = (inputs.next, inputs.tokenizer)
            var batch: [PreparedUnit] = []
            do {
                while let unit = try next() {
                    counter.read += 1
                    guard !unit.variants.isEmpty else { continue }
                    batch.append(try PreparedUnit(unit, defaultSource: defaultSource, tokenizer: tokenizer, codec: codec,
                                                  tokenIDs: tokenIDs, path: path))
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
        return ImportCounts(read: counter.read, added: added, merged: merged)
    }

    /// The tables' pending rows, and the id the next new unit gets.
    private final class NewRows {
        let units, variants, tokens: BulkInsert
        var nextUnitID: Int64

        init(_ db: Database) throws {
            units = BulkInsert(db, table: UnitRecord.databaseTableName, columns: UnitRecord.columnNames)
            variants = BulkInsert(db, table: VariantRecord.databaseTableName, columns: VariantRecord.columnNames)
            tokens = BulkInsert(db, table: TokenRecord.databaseTableName, columns: TokenRecord.columnNames, rowsPerStatement: 128)
            // Ids are never reused (AUTOINCREMENT): start above the highest ever handed out.
            let highest = try UnitRecord.select(max(UnitRecord.Columns.id), as: Int64.self).fetchOne(db) ?? 0
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
        for token in prepared.tokenRecords { try rows.tokens.append(token.databaseValues) }
        let id = rows.nextUnitID
        rows.nextUnitID += 1
        try rows.units.append(UnitRecord(prepared, id: id).databaseValues)
        for variant in prepared.variantRecords(unit: id) {
            try rows.variants.append(variant.databaseValues)
            languageChanges[variant.language, default: 0] += 1
        }
    }

    /// Which of `hashes` some stored unit has.
    private func storedKeyHashes(among hashes: [Int64]) throws -> Set<Int64> {
        var found: Set<Int64> = []
        var start = 0
        while start < hashes.count {
            let chunk = hashes[start..<min(start + 256, hashes.count)]
            // SQL written once per chunk size and cached: the query interface would build and parse it for every batch.
            found.formUnion(try Int64.fetchSet(db.cachedStatement(sql: UnitRecord.keyHashesSQL(count: chunk.count)),
                                               arguments: StatementArguments(Array(chunk))))
            start += chunk.count
        }
        return found
    }
}

/// How many units the producer has read. Safe without a lock: only the producer thread
/// writes it, and the consumer reads it after `done.wait()`, whose semaphore orders the two.
private final class ReadCounter: @unchecked Sendable {
    var read = 0
}

/// What the producer thread alone uses from the moment it starts: the unit source and its own
/// tokenizer. Neither is thread-safe; the import never touches them again on its own thread,
/// so handing them over is safe although the compiler cannot check it.
private struct ProducerInputs: @unchecked Sendable {
    let next: () throws -> TranslationUnit?
    let tokenizer: MatchTokenizer
}

/// What one bulk import did.
public struct ImportCounts: Sendable, Equatable {
    /// Units read from the source.
    public var read: Int
    /// Units added as new.
    public var added: Int
    /// Units folded into a duplicate already stored.
    public var merged: Int
}
