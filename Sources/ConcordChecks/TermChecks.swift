import ConcordModel
import ConcordTerminology

/// The glossary checks of one unit: a concept of the source that the target does not render
/// with a recommended term, and deprecated terms on either side. Recognition is
/// inflection-aware (`Совета Безопасности ООН` is `Совет Безопасности ООН`).
struct TermChecks: Sendable {
    let sourceTerms: TermRecognizer?
    let targetTerms: TermRecognizer?
    let targetLanguage: LanguageTag
    /// The vocabulary of each subject field in the source language.
    let senseCues: SenseCues?

    /// A target term used for a concept: what `term-variant` compares across the file.
    struct Usage: Sendable {
        let concept: String
        let type: String
        let term: String
        let unit: String
        let span: Range<Int>
    }

    func check(_ unit: CheckUnit, enabled: Set<CheckName>) throws -> (findings: [CheckFinding], usages: [Usage]) {
        guard let sourceTerms, let targetTerms else { return ([], []) }
        let sourceHits = try sourceTerms.hits(in: unit.source.plainText)
        let targetHits = try targetTerms.hits(in: unit.target.plainText)
        var findings: [CheckFinding] = []
        if enabled.contains(.deprecatedTerm) {
            for hit in targetHits where !hit.term.status.isRecommended {
                let better = hit.concept.suggestions(in: targetLanguage, forSourceType: nil).map(\.text)
                findings.append(CheckFinding(DiagnosticCatalog.checkDeprecatedTerm, check: .deprecatedTerm, unit: unit, targetSpan: hit.range,
                                             message: "«\(hit.text)» is \(hit.term.status.rawValue)" + (better.isEmpty ? "" : ": use \(quoted(better))")))
            }
            for hit in sourceHits where !hit.term.status.isRecommended {
                findings.append(CheckFinding(DiagnosticCatalog.checkDeprecatedTerm, check: .deprecatedTerm, unit: unit, sourceSpan: hit.range,
                                             message: "the source uses «\(hit.text)», which is \(hit.term.status.rawValue): tell the author"))
            }
        }
        if enabled.contains(.missingTerm), !unit.target.plainText.isEmpty {
            var reported: Set<String> = []
            let source = unit.source.plainText, target = unit.target.plainText
            for hit in sourceHits where !reported.contains(hit.concept.id) {
                let expected = hit.concept.terms.filter { targetLanguage.matches($0.language) && $0.status.isRecommended }
                guard !expected.isEmpty else { continue }          // the glossary has nothing to ask for
                let rendered = targetHits.filter { $0.concept.id == hit.concept.id }
                guard rendered.isEmpty else { continue }            // rendered (a deprecated form is its own finding)
                // Few false alarms: a term inside a longer name (the African Union's Peace and Security
                // Council is not the UN's), a term kept as written (a title quoted in English), or the
                // term's words present in another form (`counter-terrorism capacity` →
                // `контртеррористического потенциала`) are not reported.
                if LooseMatch.isInsideLongerName(hit.range, in: source) || target.contains(hit.text)
                    || expected.contains(where: { LooseMatch.wordsPresent(of: $0.text, in: target) }) { continue }
                if isParaphrased(hit, expected: expected, in: unit) || !hasSenseCue(hit, among: sourceHits, in: source) { continue }
                reported.insert(hit.concept.id)
                findings.append(CheckFinding(DiagnosticCatalog.checkMissingTerm, check: .missingTerm, unit: unit, sourceSpan: hit.range,
                                             message: "«\(hit.text)» is not rendered with \(quoted(expected.map(\.text)))"))
            }
        }
        let usages = targetHits.filter { $0.term.status.isRecommended }.map { hit in
            Usage(concept: hit.concept.id, type: Self.kind(of: hit.term.type), term: hit.term.text, unit: unit.id, span: hit.range)
        }
        return (findings, usages)
    }

    /// A rendering an editor accepts although no glossary term is there: a term modifying the
    /// next noun rendered as an adjective made from the term's noun (`counter-terrorism capacity`
    /// → `контртеррористического потенциала`), or a country's name in a delegation's statement
    /// rendered as `our country` (`нашей страны`, `我国`).
    private func isParaphrased(_ hit: TermHit, expected: [Term], in unit: CheckUnit) -> Bool {
        let source = unit.source.plainText, target = unit.target.plainText
        if LooseMatch.isAttributive(hit.range, in: source), expected.contains(where: { LooseMatch.derivedAdjectivePresent(of: $0.text, in: target) }) {
            return true
        }
        let isName = hit.text.first?.isUppercase == true && expected.allSatisfy { $0.text.first?.isUppercase == true }
        let field = hit.concept.subjectField?.lowercased()
        let isPlace = field.map { ["countr", "region", "state", "geograph", "place"].contains(where: $0.contains) } ?? true
        return isName && isPlace && LooseMatch.speaksOfOwnCountry(target, language: targetLanguage)
    }

    /// A single common word (`precursors`, `instruments`) has a general sense beside the glossary's:
    /// it is taken in the glossary's sense only when the source shows the concept's subject field —
    /// another concept of the field, or a word of the field's vocabulary (``SenseCues``). Names,
    /// acronyms and compounds need no cue.
    private func hasSenseCue(_ hit: TermHit, among hits: [TermHit], in source: String) -> Bool {
        let isCommonWord = hit.text.allSatisfy(\.isLetter) && hit.text.first?.isLowercase == true
        guard isCommonWord, let field = hit.concept.subjectField, let senseCues else { return true }
        if hits.contains(where: { $0.concept.id != hit.concept.id && $0.concept.subjectField == field }) { return true }
        return senseCues.showsField(field, in: source, besides: hit.text)
    }

    /// Short forms (acronyms, abbreviations) and full forms are both right in one text (`ШОС` after
    /// `Шанхайская организация сотрудничества`): variants are compared within each kind only.
    static func kind(of type: TermType?) -> String {
        switch type {
        case .acronym?, .abbreviation?, .shortForm?, .initialism?: "short"
        default: "full"
        }
    }

    private func quoted(_ terms: [String]) -> String {
        let unique = terms.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return unique.prefix(3).map { "«\($0)»" }.joined(separator: " or ")
    }
}
