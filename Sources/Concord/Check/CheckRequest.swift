import ConcordChecks
import ConcordFormats
import ConcordMemory
import ConcordModel
import Foundation

/// `concord check`: the QA checks over a memory file (TMX, XLIFF, CSV/TSV), a whole store, or
/// a document and its translation (aligned first), with the editor's choice of checks,
/// severities and findings already reviewed.
public struct CheckRequest: Codable, Sendable {
    public enum Input: Codable, Sendable, Equatable {
        /// TMX, XLIFF 1.2/2.0, CSV or TSV.
        case file(InputLocation)
        case store(String)
        /// A document and its translation, aligned sentence by sentence first.
        case documents(source: InputLocation, target: InputLocation)
    }

    public var input: Input
    public var sourceLanguage: LanguageTag
    public var targetLanguage: LanguageTag
    /// nil: the SCO glossary shipped with Concord.
    public var glossaries: [InputLocation]?
    public var configuration: CheckConfiguration
    /// Fingerprints of findings reviewed and kept quiet (`--ignore FILE`).
    public var ignoredFingerprints: Set<String>

    public init(input: Input, sourceLanguage: LanguageTag, targetLanguage: LanguageTag, glossaries: [InputLocation]? = nil,
                configuration: CheckConfiguration = CheckConfiguration(), ignoredFingerprints: Set<String> = []) {
        self.input = input
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.glossaries = glossaries
        self.configuration = configuration
        self.ignoredFingerprints = ignoredFingerprints
    }

    public func run() throws -> CheckResult {
        let glossaryList = try glossaries.map(TermLookup.glossaries) ?? [DocumentSegmentation.bundledGlossary()]
        let session = try CheckSession(glossaries: glossaryList, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
                                       enabled: configuration.enabled)
        let units = CheckUnitReader(input: input, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
        var findings: [CheckFinding] = []
        var count = 0
        try units.forEach { _, unit in
            findings += try session.check(unit)
            count += 1
        }
        // The cross-unit checks read again the units they concern (a million units stay on disk).
        let wanted = session.unitsToReread
        var reread: [Int: CheckUnit] = [:]
        if !wanted.isEmpty {
            try units.forEach { position, unit in if wanted.contains(position) { reread[position] = unit } }
        }
        findings += session.crossFindings(reread)
        findings = configuration.apply(to: findings).filter { !ignoredFingerprints.contains($0.fingerprint) }
        return CheckResult(findings: findings, units: count, diagnostics: units.diagnostics)
    }
}

/// The findings and how many there are of each kind.
public struct CheckResult: Codable, Sendable {
    public var findings: [CheckFinding]
    public var summary: Summary
    public var diagnostics: [Diagnostic]

    public struct Summary: Codable, Sendable, Equatable {
        public var units: Int
        public var findings: Int
        public var errors: Int
        public var warnings: Int
        /// Findings per check name.
        public var checks: [String: Int]
    }

    init(findings: [CheckFinding], units: Int, diagnostics: [Diagnostic]) {
        self.findings = findings.sorted { ($0.check, Self.order($0.tuid)) < ($1.check, Self.order($1.tuid)) }
        self.diagnostics = diagnostics
        summary = Summary(units: units, findings: findings.count, errors: findings.filter { $0.severity == .error }.count,
                          warnings: findings.filter { $0.severity == .warning }.count,
                          checks: Dictionary(grouping: findings, by: \.check.rawValue).mapValues(\.count))
    }

    private static func order(_ tuid: String) -> String {
        tuid.count < 12 && tuid.allSatisfy(\.isNumber) ? String(repeating: "0", count: 12 - tuid.count) + tuid : tuid
    }

    /// Exit status 1 when any finding is an error (a publishing pipeline stops there).
    public var hasErrors: Bool { summary.errors > 0 }
}
