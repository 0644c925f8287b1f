import Concord
import Foundation

/// Writes JSON to standard output as it goes, for results too large to build
/// as one object first (a document's every term hit). Keys come out in the
/// order written. In JSON Lines mode (`linesOnly`) only whole records
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

    func string(_ text: String) {
        buffer.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: buffer.append(contentsOf: [0x5C, 0x22])
            case 0x5C: buffer.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: buffer.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: buffer.append(contentsOf: [0x5C, 0x72])
            case 0x09: buffer.append(contentsOf: [0x5C, 0x74])
            case 0..<0x20:
                let hex = Array(String(byte, radix: 16).utf8)
                buffer.append(contentsOf: Array("\\u00".utf8) + (hex.count == 1 ? [0x30] + hex : hex))
            default: buffer.append(byte)
            }
        }
        buffer.append(0x22)
    }

    func optionalString(_ text: String?) throws {
        if let text { string(text) } else { try raw("null") }
    }

    func number(_ value: Int) throws { try raw(String(value)) }

    /// `"key":`
    func key(_ name: String) {
        string(name)
        buffer.append(0x3A)
    }

    func flush() throws {
        try StandardOutput.write(buffer)
        buffer.removeAll(keepingCapacity: true)
        completeRecords = 0
    }
}
