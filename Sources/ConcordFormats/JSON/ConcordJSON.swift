import Foundation

/// The one JSON encoding every command, JSON Lines stream and (later) the
/// server use: keys sorted, camelCase names from the result types, slashes
/// unescaped, nulls written where a type says so.
public enum ConcordJSON {
    /// `value` as one line of JSON (no trailing newline).
    public static func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        // A new encoder per call: JSONEncoder is not Sendable, and making one is cheap next to encoding.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    /// `value` as a JSON string (no trailing newline).
    public static func string<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try encode(value), as: UTF8.self)
    }
}
