import ConcordFormats
import ConcordModel
import ConcordSegmentation
import ConcordTerminology
import Foundation

/// One segment with the glossary terms found in it.
public struct SegmentTerms: Sendable {
    public var index: Int
    public var text: String
    public var hits: [TermHit]
}

/// `concord terms` and `concord glossary`: glossaries in, terms found and suggested out.
public enum TermLookup {
    /// Reads every glossary (format by extension).
    public static func glossaries(_ inputs: [InputLocation]) throws -> [Glossary] {
        for input in inputs { try input.requireExisting() }
        return try inputs.map(GlossaryFile.read)
    }

    /// The segments of a document: one per line when `presegmented`, else Concord's sentence segmentation.
    public static func segments(_ input: InputLocation, language: LanguageTag, presegmented: Bool, format: DocumentFormat? = nil,
                                encoding: String? = nil) throws -> [String] {
        if presegmented {
            try input.requireExisting()
            let bytes = [UInt8](try TextFileBytes.read(input, checksBinary: encoding == nil))
            let text = try TextDecoding.decode(bytes, fileName: input.name, encoding: encoding)
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
            if lines.last == "" { lines.removeLast() }
            return lines
        }
        let document = try DocumentSegmentation.readDocument(input, format: format, encoding: encoding)
        let segmenter = try Segmenter(ruleSet: DocumentSegmentation.defaultRules(), language: language)
        return try DocumentSegmentation.segment(document, with: segmenter).map(\.text)
    }

    /// The concepts with a term that matches `text` in one of `languages`, each once, in order found.
    public static func concepts(matching text: String, in glossaries: [Glossary], languages: [LanguageTag]) throws -> [FoundConcept] {
        var found: [FoundConcept] = []
        for language in languages {
            for hit in try recognize([text], glossaries: glossaries, language: language)[0].hits
            where !found.contains(where: { $0.concept.id == hit.concept.id }) {
                found.append(FoundConcept(concept: hit.concept, matched: hit.text))
            }
        }
        return found
    }

    /// A warning for each glossary without a term in one of `languages` (a language typed wrongly,
    /// or the wrong glossary), listing the languages it has.
    public static func languageWarnings(_ glossaries: [Glossary], inputs: [InputLocation], languages: [LanguageTag]) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for (glossary, input) in zip(glossaries, inputs) {
            let path = input.name
            let present = glossary.languages
            for language in languages where !present.contains(where: { language.matches($0) }) {
                let list = present.isEmpty ? "it has no concepts" : "its languages are \(present.map(\.canonical).sorted().joined(separator: ", "))"
                warnings.append(Diagnostic(DiagnosticCatalog.glossaryNoLanguage,
                                           message: "no term in \(language.canonical); \(list)", file: path))
            }
        }
        return warnings
    }

    /// The terms in each segment.
    public static func recognize(_ segments: [String], glossaries: [Glossary], language: LanguageTag) throws -> [SegmentTerms] {
        let recognizer = try TermRecognizer(glossaries: glossaries, language: language)
        return try segments.enumerated().map { index, text in
            SegmentTerms(index: index, text: text, hits: try recognizer.hits(in: text))
        }
    }
}
