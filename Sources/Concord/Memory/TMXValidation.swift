import ConcordFormats
import ConcordModel

/// `concord tmx validate`: everything the reader reports, judged strictly.
/// What makes a file invalid TMX 1.4b (structure, required attributes,
/// unpaired codes, bad language tags, characters XML forbids) is an error;
/// what is legal but unusual (a unit with one language) stays a warning —
/// each finding at its ``DiagnosticKind/strictSeverity``.
public enum TMXValidation {
    /// The findings for `input`. Throws when it cannot be read at all.
    public static func validate(_ input: InputLocation) throws -> TMXValidationResult {
        try input.requireExisting()
        let reader = try TMXReader(input: input)
        var units = 0
        var extra: [Diagnostic] = []
        while let unit = try reader.next() {
            units += 1
            for variant in unit.variants {
                for code in variant.segment.allCodes where code.kind == .ut {
                    extra.append(Diagnostic(DiagnosticCatalog.tmxDeprecatedUT,
                                            message: "<ut> is deprecated in TMX 1.4 and not allowed at Level 2",
                                            file: reader.fileName, line: unit.line))
                }
                for code in variant.segment.allCodes where code.kind == .it {
                    let position = code.attribute("pos")
                    if position != "begin" && position != "end" {
                        extra.append(Diagnostic(DiagnosticCatalog.tmxBadAttribute,
                                                message: "<it> needs pos=\"begin\" or pos=\"end\", not \(position.map { "\"\($0)\"" } ?? "nothing")",
                                                file: reader.fileName, line: unit.line))
                    }
                }
            }
        }
        if let version = reader.header.formatVersion, version != "1.4" {
            extra.append(Diagnostic(DiagnosticCatalog.tmxVersion,
                                    message: "version=\"\(version)\": checked against TMX 1.4b", file: reader.fileName, line: 1))
        }
        // The one rule: each finding at its catalog kind's strict severity.
        return TMXValidationResult(units: units, diagnostics: reader.diagnostics.map(\.strict) + extra)
    }
}

/// What `tmx validate` found.
public struct TMXValidationResult: Codable, Sendable, Equatable {
    public var valid: Bool
    public var units: Int
    public var errors: Int
    public var warnings: Int
    public var diagnostics: [Diagnostic]

    public init(units: Int, diagnostics: [Diagnostic]) {
        self.units = units
        self.diagnostics = diagnostics
        errors = diagnostics.filter { $0.severity == .error }.count
        warnings = diagnostics.count - errors
        valid = errors == 0
    }
}
