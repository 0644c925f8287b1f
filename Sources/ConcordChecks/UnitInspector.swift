import ConcordModel

/// The per-unit checks of a session — glossary, numbers, untranslated text, inline codes,
/// punctuation — free of shared state, so that the units of a batch are inspected on several
/// threads at once.
struct UnitInspector: Sendable {
    let enabled: Set<CheckName>
    let terms: TermChecks

    /// What one unit alone shows: its findings, and the glossary terms its target uses (for `term-variant`).
    struct Inspection: Sendable {
        var findings: [CheckFinding]
        var usages: [TermChecks.Usage]
    }

    func inspect(_ unit: CheckUnit) throws -> Inspection {
        var findings: [CheckFinding] = []
        let glossary = try terms.check(unit, enabled: enabled)
        findings += glossary.findings
        if enabled.contains(.numberMismatch), !unit.target.plainText.isEmpty, let finding = UnitChecks.numberMismatch(unit) { findings.append(finding) }
        if enabled.contains(.untranslated), let finding = UnitChecks.untranslated(unit) { findings.append(finding) }
        if enabled.contains(.tagMismatch), !unit.target.plainText.isEmpty, let finding = UnitChecks.tagMismatch(unit) { findings.append(finding) }
        if enabled.contains(.punctuation), let finding = PunctuationCheck.check(unit) { findings.append(finding) }
        return Inspection(findings: findings.filter { !unit.ignored.contains($0.check) },
                          usages: enabled.contains(.termVariant) ? glossary.usages : [])
    }
}
