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

    /// Runs the checks; the findings go to a spool on disk as they come, in batches whose units
    /// are inspected on every core (a million units in constant memory).
    public func spool() throws -> CheckOutcome {
        let glossaryList = try glossaries.map(TermLookup.glossaries) ?? [DocumentSegmentation.bundledGlossary()]
        let session = try CheckSession(glossaries: glossaryList, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
                                       enabled: configuration.enabled)
        let units = CheckUnitReader(input: input, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
        let spool = try CheckFindingSpool()
        func keep(_ findings: [CheckFinding]) throws {
            for finding in configuration.apply(to: findings) where !ignoredFingerprints.contains(finding.fingerprint) { try spool.append(finding) }
        }
        var batch: [CheckUnit] = [], count = 0
        func checkBatch() throws {
            for findings in try session.check(batch) { try keep(findings) }
            batch.removeAll(keepingCapacity: true)
        }
        try units.forEach { _, unit in
            batch.append(unit)
            count += 1
            if batch.count == Self.batchSize { try checkBatch() }
        }
        try checkBatch()
        spool.setUnits(count)
        // The cross-unit checks read again the units they concern (a million units stay on disk).
        let wanted = session.unitsToReread
        if !wanted.isEmpty {
            try units.forEach { position, unit in if wanted.contains(position) { try keep(session.crossFindings(for: unit, at: position)) } }
        }
        return CheckOutcome(findings: spool, diagnostics: units.diagnostics)
    }

    /// Units handed to the session at once: enough to keep every core busy, few enough to stay small.
    static let batchSize = 512

    /// Runs the checks and returns every finding in memory (for a file of a modest size).
    public func run() throws -> CheckResult {
        let outcome = try spool()
        var findings: [CheckFinding] = []
        try outcome.findings.forEach { findings.append($0) }
        return CheckResult(findings: findings, summary: outcome.summary, diagnostics: outcome.diagnostics)
    }
}

/// What a run found, kept on disk until the report is written.
public struct CheckOutcome {
    public let findings: CheckFindingSpool
    public let diagnostics: [Diagnostic]
    public var summary: CheckResult.Summary { findings.summary }
    /// Exit status 1 when any finding is an error (a publishing pipeline stops there).
    public var hasErrors: Bool { summary.errors > 0 }
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

    /// `findings` check by check, each check's in the order of the units.
    init(findings: [CheckFinding], summary: Summary, diagnostics: [Diagnostic]) {
        self.findings = findings
        self.summary = summary
        self.diagnostics = diagnostics
    }

    /// Exit status 1 when any finding is an error (a publishing pipeline stops there).
    public var hasErrors: Bool { summary.errors > 0 }
}
