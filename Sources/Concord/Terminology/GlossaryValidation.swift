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
        for concept in glossary.concepts {
            var seenInConcept: Set<String> = []
            for term in concept.terms {
                let key = term.language.canonical.lowercased() + "\t" + (try folder.foldedString(term.text))
                if !seenInConcept.insert(key).inserted {
                    findings.append(Diagnostic(id: "glossary.duplicate-term", severity: .error,
                                               message: "concept \(concept.id): '\(term.text)' (\(term.language)) is listed twice", file: file))
                } else if let owner = owners[key], owner != concept.id {
                    findings.append(Diagnostic(id: "glossary.term-in-two-concepts", severity: .error,
                                               message: "'\(term.text)' (\(term.language)) is a term of both \(owner) and \(concept.id)", file: file))
                } else {
                    owners[key] = concept.id
                }
            }
            for language in concept.languages where !concept.terms(in: language).contains(where: { $0.status == .preferred }) {
                findings.append(Diagnostic(id: "glossary.no-preferred-term", severity: .warning,
                                           message: "concept \(concept.id) has no preferred term in \(language)", file: file))
            }
            if concept.languages.count == 1 {
                findings.append(Diagnostic(id: "glossary.single-language", severity: .warning,
                                           message: "concept \(concept.id) has terms in one language only (\(concept.languages[0]))", file: file))
            }
        }
        return findings
    }
}
