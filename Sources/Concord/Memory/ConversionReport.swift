import ConcordModel

/// What a command that writes a memory or glossary did (`tmx convert|merge|filter`,
/// `tm import`, `glossary convert`): `{"read", "written", "merged", "skipped", "diagnostics"}`.
public struct ConversionReport: Codable, Sendable, Equatable {
    /// Units (or concepts) read from the inputs.
    public var read: Int
    /// Units written (or added to the store).
    public var written: Int
    /// Units folded into one already there.
    public var merged: Int
    /// Units left out: read but neither written nor merged.
    public var skipped: Int
    public var diagnostics: [Diagnostic]

    public init(read: Int, written: Int, merged: Int = 0, diagnostics: [Diagnostic]) {
        self.read = read
        self.written = written
        self.merged = merged
        self.skipped = max(0, read - written - merged)
        self.diagnostics = diagnostics
    }
}
