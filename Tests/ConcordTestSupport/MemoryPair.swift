import Foundation

/// A memory and a newer copy of it (later change dates, another note): what duplicate merging is tested with.
public struct MemoryPair {
    public let older: URL
    public let newer: URL

    /// Writes `memory` as `m.tmx` and its newer copy as `newer.tmx` in `directory`.
    public init(_ memory: String, in directory: URL) throws {
        older = directory.appendingPathComponent("m.tmx")
        try memory.write(to: older, atomically: true, encoding: .utf8)
        newer = directory.appendingPathComponent("newer.tmx")
        try memory.replacingOccurrences(of: "20190101T000000Z", with: "20200101T000000Z")
            .replacingOccurrences(of: "<note>first</note>", with: "<note>second</note>")
            .write(to: newer, atomically: true, encoding: .utf8)
    }
}
