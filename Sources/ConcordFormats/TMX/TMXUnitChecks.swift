import ConcordModel

/// Checks on one unit that do not stop reading: languages and code pairing.
enum TMXUnitChecks {
    static func check(_ unit: TranslationUnit, file: String, into diagnostics: inout [Diagnostic]) {
        // Built only when there is something to say (this runs for every unit).
        var label: String { unit.tuid.map { "unit \"\($0)\"" } ?? "unit without tuid" }
        if unit.variants.isEmpty {
            diagnostics.append(Diagnostic(DiagnosticCatalog.tmxEmptyUnit, message: "\(label) has no <tuv>", file: file, line: unit.line))
        } else if unit.variants.allSatisfy({ $0.language == unit.variants[0].language }) {
            diagnostics.append(Diagnostic(DiagnosticCatalog.tmxSingleLanguage,
                                          message: "\(label) has only one language (\(unit.variants[0].language))", file: file, line: unit.line))
        }
        for variant in unit.variants where variant.segment.parts.contains(where: { if case .code = $0 { return true } else { return false } }) {
            for problem in pairingProblems(in: variant.segment) {
                diagnostics.append(Diagnostic(DiagnosticCatalog.tmxUnpairedCode,
                                              message: "\(label), \(variant.language): \(problem)", file: file, line: unit.line))
            }
        }
    }

    /// What is wrong with the bpt/ept pairing of a segment (empty when all pair up).
    static func pairingProblems(in segment: Segment) -> [String] {
        var problems: [String] = []
        var open: [String: Int] = [:]
        var seenBegin: Set<String> = []
        func walk(_ parts: [SegmentPart]) {
            for case let .code(code) in parts {
                switch code.kind {
                case .bpt:
                    let i = code.attribute("i") ?? ""
                    if i.isEmpty { problems.append("<bpt> without i") }
                    if !seenBegin.insert(i).inserted { problems.append("two <bpt> with i=\"\(i)\"") }
                    open[i, default: 0] += 1
                case .ept:
                    let i = code.attribute("i") ?? ""
                    if i.isEmpty { problems.append("<ept> without i") }
                    if let count = open[i], count > 0 {
                        open[i] = count - 1
                    } else {
                        problems.append("<ept i=\"\(i)\"> has no <bpt> before it")
                    }
                case .hi:
                    walk(code.content)
                default:
                    break
                }
            }
        }
        walk(segment.parts)
        for (i, count) in open.sorted(by: { $0.key < $1.key }) where count > 0 {
            problems.append("<bpt i=\"\(i)\"> has no <ept>")
        }
        return problems
    }
}

/// BCP 47 well-formedness (RFC 5646 syntax), without checking the registry.
public enum LanguageTagSyntax {
    /// True when `tag` is a well-formed BCP 47 tag (or a private-use or grandfathered form).
    public static func isWellFormed(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return tag.lowercased().hasPrefix("x-") || tag.lowercased() == "i-default"
        }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}
