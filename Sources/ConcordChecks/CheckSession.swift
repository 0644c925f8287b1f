import ConcordModel
import ConcordTerminology

/// One run of the checks over a file, a store or an aligned pair. Units go through ``check(_:)-1m0a``
/// in batches (the per-unit checks answer at once, the batch inspected on every core); the
/// cross-unit checks — the same source translated differently, the same translation for different
/// sources, one concept in several terms — need the whole file: afterwards ``unitsToReread`` names
/// the units they concern, and ``crossFindings(for:at:)`` answers for each as it is read again.
/// Memory stays small for a million units: hashes and ids, not texts.
public final class CheckSession {
    public let enabled: Set<CheckName>
    private let inspector: UnitInspector
    private var index = ConsistencyIndex()
    /// The id of each unit, by position: what `related` lists.
    private var ids: [String] = []

    /// `glossaries` may be empty (the glossary checks then find nothing).
    public init(glossaries: [Glossary], sourceLanguage: LanguageTag, targetLanguage: LanguageTag, enabled: Set<CheckName> = Set(CheckName.allCases)) throws {
        self.enabled = enabled
        let needsTerms = !glossaries.isEmpty && !enabled.isDisjoint(with: [.missingTerm, .deprecatedTerm, .termVariant])
        let terms = TermChecks(sourceTerms: needsTerms ? try TermRecognizer(glossaries: glossaries, language: sourceLanguage) : nil,
                               targetTerms: needsTerms ? try TermRecognizer(glossaries: glossaries, language: targetLanguage) : nil,
                               targetLanguage: targetLanguage,
                               senseCues: needsTerms ? SenseCues(glossaries: glossaries, language: sourceLanguage) : nil)
        inspector = UnitInspector(enabled: enabled, terms: terms)
    }

    /// The per-unit findings of the next unit (units are numbered from 0 in the order given).
    public func check(_ unit: CheckUnit) throws -> [CheckFinding] {
        try check([unit])[0]
    }

    /// The per-unit findings of the next units, one list per unit, the units inspected in parallel.
    public func check(_ units: [CheckUnit]) throws -> [[CheckFinding]] {
        let inspector = inspector
        let inspections = try ParallelMap.map(units) { try inspector.inspect($0) }
        for (unit, inspection) in zip(units, inspections) {
            index.add(unit, position: ids.count, usages: inspection.usages)
            ids.append(unit.id)
        }
        return inspections.map(\.findings)
    }

    private lazy var plan = CrossUnitPlan(index: index, enabled: enabled)

    /// The positions of the units the cross-unit findings concern.
    public var unitsToReread: Set<Int> { plan.positions }

    /// The cross-unit findings of the unit at `position`, read again.
    public func crossFindings(for unit: CheckUnit, at position: Int) -> [CheckFinding] {
        var findings: [CheckFinding] = []
        func related(_ positions: [Int]) -> [String] { positions.filter { $0 != position }.prefix(20).map { ids[$0] } }
        if let group = plan.sourceGroup(of: position), !unit.ignored.contains(.inconsistentSource) {
            let others = group.filter { index.targetKey(at: $0) != index.targetKey(at: position) }
            findings.append(CheckFinding(DiagnosticCatalog.checkInconsistentSource, check: .inconsistentSource, unit: unit, related: related(others),
                                         message: "the same source is translated differently in \(others.count) other unit\(others.count == 1 ? "" : "s"): choose one translation"))
        }
        if let group = plan.targetGroup(of: position), !unit.ignored.contains(.inconsistentTarget) {
            let others = group.filter { index.sourceKey(at: $0) != index.sourceKey(at: position) }
            findings.append(CheckFinding(DiagnosticCatalog.checkInconsistentTarget, check: .inconsistentTarget, unit: unit, related: related(others),
                                         message: "the same translation stands for \(others.count) other source text\(others.count == 1 ? "" : "s"): check that they mean the same"))
        }
        guard !unit.ignored.contains(.termVariant) else { return findings }
        let scalars = Array(unit.target.plainText.unicodeScalars)
        for variant in plan.variants(at: position) where variant.span.upperBound <= scalars.count {
            let term = String(String.UnicodeScalarView(scalars[variant.span]))
            findings.append(CheckFinding(DiagnosticCatalog.checkTermVariant, check: .termVariant, unit: unit, targetSpan: variant.span,
                                         related: related(variant.usual),
                                         message: "«\(term)» renders a concept that \(variant.usual.count) other unit\(variant.usual.count == 1 ? "" : "s") render as «\(variant.usualTerm)»: use one term"))
        }
        return findings
    }

    /// The cross-unit findings, given the units ``unitsToReread`` names (by position).
    public func crossFindings(_ units: [Int: CheckUnit]) -> [CheckFinding] {
        units.keys.sorted().flatMap { crossFindings(for: units[$0]!, at: $0) }
    }
}
