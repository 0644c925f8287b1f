/// One kind of finding: its stable id, default severity and what it means.
/// Every kind is declared once, in ``DiagnosticCatalog``; a ``Diagnostic`` is
/// made from a kind, so the same id always has the same severity.
public struct DiagnosticKind: Hashable, Sendable, Codable {
    /// A stable dotted id users can filter on, e.g. `tmx.unpaired-code`.
    public let id: String
    /// The severity wherever the finding is reported, except under strict validation.
    public let severity: Diagnostic.Severity
    /// The severity under `tmx validate`: a finding that makes a file invalid
    /// TMX 1.4b is an error there even when reading goes on.
    public let strictSeverity: Diagnostic.Severity
    /// One line saying what the finding means.
    public let summary: String

    public init(_ id: String, _ severity: Diagnostic.Severity, strict: Diagnostic.Severity? = nil, _ summary: String) {
        self.id = id
        self.severity = severity
        self.strictSeverity = strict ?? severity
        self.summary = summary
    }
}

extension Diagnostic {
    /// A finding of `kind`, at the kind's severity.
    public init(_ kind: DiagnosticKind, message: String, file: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.init(id: kind.id, severity: kind.severity, message: message, file: file, line: line, column: column)
    }

    /// This finding judged as `tmx validate` judges: at its kind's strict severity.
    public var strict: Diagnostic {
        var judged = self
        if let kind = DiagnosticCatalog.kind(id) { judged.severity = kind.strictSeverity }
        return judged
    }
}
