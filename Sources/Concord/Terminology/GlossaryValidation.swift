import ConcordModel
import ConcordText

/// `concord glossary validate`: what makes a glossary unreliable for recognition and QA.
public enum GlossaryValidation {
    /// Findings: a term listed twice in a concept (error), a term in two concepts
    /// (error: recognition cannot tell them apart), a language without a preferred
    /// term (warning), a concept with one language (warning).
    public static func validate(_ glossary: Glossary, file: String) throws -> [Diagnostic] {
        let folder = try TextFolder()
        var findings: [Diagnostic] = []
        var owners: [String: String] = [:]   // "lang\tfolded" → concept id
        var conceptIDs: Set<String> = []
        for concept in glossary.concepts {
            if !conceptIDs.insert(concept.id).inserted {
                findings.append(Diagnostic(DiagnosticCatalog.glossaryDuplicateConceptID,
                                           message: "concept id \(concept.id) is used by more than one concept", file: file))
            }
            var seenInConcept: Set<String> = []
            for term in concept.terms {
                if term.text.allSatisfy(\.isWhitespace) {
                    findings.append(Diagnostic(DiagnosticCatalog.glossaryEmptyTerm,
                                               message: "concept \(concept.id) has an empty term in \(term.language)", file: file))
                    continue
                }
                let key = term.language.canonical.lowercased() + "\t" + (try folder.foldedString(term.text))
                if !seenInConcept.insert(key).inserted {
                    findings.append(Diagnostic(DiagnosticCatalog.glossaryDuplicateTerm,
                                               message: "concept \(concept.id): '\(term.text)' (\(term.language)) is listed twice", file: file))
                } else if let owner = owners[key], owner != concept.id {
                    findings.append(Diagnostic(DiagnosticCatalog.glossaryTermInTwoConcepts,
                                               message: "'\(term.text)' (\(term.language)) is a term of both \(owner) and \(concept.id)", file: file))
                } else {
                    owners[key] = concept.id
                }
            }
            for language in languagesWithoutPreferredTerm(concept) {
                findings.append(Diagnostic(DiagnosticCatalog.glossaryNoPreferredTerm,
                                           message: "concept \(concept.id) has no preferred term in \(language)", file: file))
            }
            if concept.languages.count == 1 {
                findings.append(Diagnostic(DiagnosticCatalog.glossarySingleLanguage,
                                           message: "concept \(concept.id) has terms in one language only (\(concept.languages[0]))", file: file))
            }
        }
        return findings
    }

    /// The concept's languages none of whose terms is preferred, a bare tag counting its
    /// variants' terms (as ``Concept/terms(in:)`` does). Only tags of the same primary language
    /// are compared, so a concept with thousands of languages costs linear time.
    private static func languagesWithoutPreferredTerm(_ concept: Concept) -> [LanguageTag] {
        var hasPreferred: [LanguageTag: Bool] = [:]
        var order: [LanguageTag] = []
        for term in concept.terms {
            if hasPreferred[term.language] == nil {
                order.append(term.language)
                hasPreferred[term.language] = false
            }
            if term.status == .preferred { hasPreferred[term.language] = true }
        }
        let byPrimary = Dictionary(grouping: order, by: \.language)
        return order.filter { language in
            !(byPrimary[language.language] ?? []).contains { hasPreferred[$0] == true && language.matches($0) }
        }
    }
}
