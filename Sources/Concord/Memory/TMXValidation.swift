import ConcordFormats
import ConcordModel

/// `concord tmx validate`: everything the reader reports, judged strictly.
/// What makes a file invalid TMX 1.4b (structure, required attributes,
/// unpaired codes, bad language tags, characters XML forbids) is an error;
/// what is legal but unusual (a unit with one language) stays a warning.
public enum TMXValidation {
    /// Findings that do not make a file invalid TMX.
    static let advisory: Set<String> = ["tmx.single-language", "tmx.empty-unit", "tmx.bad-date"]

    /// The findings for `path`. Throws when the file cannot be read at all.
    public static func validate(path: String) throws -> (units: Int, diagnostics: [Diagnostic]) {
        let reader = try TMXReader(path: path)
        var units = 0
        var extra: [Diagnostic] = []
        while let unit = try reader.next() {
            units += 1
            for variant in unit.variants {
                for code in variant.segment.allCodes where code.kind == .ut {
                    extra.append(Diagnostic(id: "tmx.deprecated-ut", severity: .warning,
                                            message: "<ut> is deprecated in TMX 1.4 and not allowed at Level 2",
                                            file: reader.fileName, line: unit.line))
                }
                for code in variant.segment.allCodes where code.kind == .it {
                    let position = code.attribute("pos")
                    if position != "begin" && position != "end" {
                        extra.append(Diagnostic(id: "tmx.bad-attribute", severity: .error,
                                                message: "<it> needs pos=\"begin\" or pos=\"end\", not \(position.map { "\"\($0)\"" } ?? "nothing")",
                                                file: reader.fileName, line: unit.line))
                    }
                }
            }
        }
        if let version = reader.header.version, version != "1.4" {
            extra.append(Diagnostic(id: "tmx.version", severity: .warning,
                                    message: "version=\"\(version)\": checked against TMX 1.4b", file: reader.fileName, line: 1))
        }
        let strict = reader.diagnostics.map { diagnostic -> Diagnostic in
            var judged = diagnostic
            if !advisory.contains(diagnostic.id) { judged.severity = .error }
            return judged
        }
        return (units, strict + extra)
    }
}
