import ConcordModel
import ConcordTerminology

/// One run of the checks over a file, a store or an aligned pair. Units go through ``check(_:)``
/// one at a time (the per-unit checks answer at once); the cross-unit checks — the same source
/// translated differently, the same translation for different sources, one concept in several
/// terms — need the whole file: afterwards ``unitsToReread`` names the units they concern, and
/// ``crossFindings(_:)`` takes them back. Memory stays small for a million units.
public final class CheckSession {
    public let enabled: Set<CheckName>
    private let terms: TermChecks
    private var index = ConsistencyIndex()
    private var count = 0

    /// `glossaries` may be empty (the glossary checks then find nothing).
    public init(glossaries: [Glossary], sourceLanguage: LanguageTag, targetLanguage: LanguageTag, enabled: Set<CheckName> = Set(CheckName.allCases)) throws {
        self.enabled = enabled
        let needsTerms = !glossaries.isEmpty && !enabled.isDisjoint(with: [.missingTerm, .deprecatedTerm, .termVariant])
        terms = TermChecks(sourceTerms: needsTerms ? try TermRecognizer(glossaries: glossaries, language: sourceLanguage) : nil,
                           targetTerms: needsTerms ? try TermRecognizer(glossaries: glossaries, language: targetLanguage) : nil,
                           targetLanguage: targetLanguage,
                           senseCues: needsTerms ? SenseCues(glossaries: glossaries, language: sourceLanguage) : nil)
    }

    /// The per-unit findings of the next unit (units are numbered from 0 in the order given).
    public func check(_ unit: CheckUnit) throws -> [CheckFinding] {
        var findings: [CheckFinding] = []
        let glossary = try terms.check(unit, enabled: enabled)
        findings += glossary.findings
        if enabled.contains(.numberMismatch), !unit.target.plainText.isEmpty, let finding = UnitChecks.numberMismatch(unit) { findings.append(finding) }
        if enabled.contains(.untranslated), let finding = UnitChecks.untranslated(unit) { findings.append(finding) }
        if enabled.contains(.tagMismatch), !unit.target.plainText.isEmpty, let finding = UnitChecks.tagMismatch(unit) { findings.append(finding) }
        if enabled.contains(.punctuation), let finding = PunctuationCheck.check(unit) { findings.append(finding) }
        index.add(unit, position: count, usages: enabled.contains(.termVariant) ? glossary.usages : [])
        count += 1
        return findings.filter { !unit.ignored.contains($0.check) }
    }

    private lazy var sourceGroups = enabled.contains(.inconsistentSource) ? index.inconsistentSources() : []
    private lazy var targetGroups = enabled.contains(.inconsistentTarget) ? index.inconsistentTargets() : []
    private lazy var variants = enabled.contains(.termVariant) ? index.termVariants() : []

    /// The positions of the units the cross-unit findings concern.
    public var unitsToReread: Set<Int> {
        Set(sourceGroups.joined()).union(targetGroups.joined()).union(variants.flatMap { [$0.position] + $0.usual.prefix(20) })
    }

    /// The cross-unit findings, given the units ``unitsToReread`` names (by position).
    public func crossFindings(_ units: [Int: CheckUnit]) -> [CheckFinding] {
        var findings: [CheckFinding] = []
        func related(_ positions: [Int], except position: Int) -> [String] {
            positions.filter { $0 != position }.prefix(20).compactMap { units[$0]?.id }
        }
        func report(_ groups: [[Int]], _ check: CheckName, _ kind: DiagnosticKind, differing side: (CheckUnit) -> String,
                    message: (Int) -> String) {
            for group in groups {
                for position in group {
                    guard let unit = units[position], !unit.ignored.contains(check) else { continue }
                    let others = group.filter { units[$0].map(side) != side(unit) }
                    findings.append(CheckFinding(kind, check: check, unit: unit, related: related(others, except: position), message: message(others.count)))
                }
            }
        }
        report(sourceGroups, .inconsistentSource, DiagnosticCatalog.checkInconsistentSource, differing: { $0.target.plainText }) { count in
            "the same source is translated differently in \(count) other unit\(count == 1 ? "" : "s"): choose one translation"
        }
        report(targetGroups, .inconsistentTarget, DiagnosticCatalog.checkInconsistentTarget, differing: { $0.source.plainText }) { count in
            "the same translation stands for \(count) other source text\(count == 1 ? "" : "s"): check that they mean the same"
        }
        for variant in variants {
            guard let unit = units[variant.position], !unit.ignored.contains(.termVariant) else { continue }
            let term = String(String.UnicodeScalarView(Array(unit.target.plainText.unicodeScalars)[variant.span]))
            findings.append(CheckFinding(DiagnosticCatalog.checkTermVariant, check: .termVariant, unit: unit, targetSpan: variant.span,
                                         related: related(variant.usual, except: variant.position),
                                         message: "«\(term)» renders a concept that \(variant.usual.count) other unit\(variant.usual.count == 1 ? "" : "s") render as «\(variant.usualTerm)»: use one term"))
        }
        return findings
    }
}
