import ConcordModel

/// `concord diagnostics`: the catalog of findings, `{"diagnostics": [{"id", "severity", "strictSeverity", "summary"}]}`.
public struct DiagnosticCatalogReport: Codable, Sendable, Equatable {
    public var diagnostics: [DiagnosticKind]

    public init(_ kinds: [DiagnosticKind] = DiagnosticCatalog.all) {
        diagnostics = kinds
    }
}
