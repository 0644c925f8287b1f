import Concord
import Foundation

/// Writes JSON to standard output as it goes, for results too large to build
/// as one object first (a document's every segment): the frame is written
/// raw, each element through ``ConcordJSON``. In JSON Lines mode (`linesOnly`) only whole records
/// (ended with ``endRecord()``) are ever written, so a failure part-way leaves
/// whole lines behind.
final class JSONStreamWriter {
    private var buffer: [UInt8] = []
    private let linesOnly: Bool
    /// Bytes of `buffer` that make up complete records.
    private var completeRecords = 0

    init(linesOnly: Bool = false) {
        self.linesOnly = linesOnly
        buffer.reserveCapacity(1 << 20)
    }

    func raw(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if !linesOnly, buffer.count >= 1 << 20 { try flush() }
    }

    /// Marks the end of a record (a JSON line, or a text block).
    func endRecord() throws {
        completeRecords = buffer.count
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Writes the complete records and drops a record cut short by a failure.
    func flushCompleteRecords() throws {
        buffer.removeSubrange(completeRecords...)
        try flush()
    }

    /// `value` through the one JSON encoding (``ConcordJSON``).
    func value<Value: Encodable>(_ value: Value) throws {
        buffer.append(contentsOf: try ConcordJSON.encode(value))
        if !linesOnly, buffer.count >= 1 << 20 { try flush() }
    }

    func flush() throws {
        try StandardOutput.write(buffer)
        buffer.removeAll(keepingCapacity: true)
        completeRecords = 0
    }
}
