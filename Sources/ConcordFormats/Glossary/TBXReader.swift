import Foundation
import ConcordModel
import ConcordXML

/// Reads TBX: ISO 30042:2019 (`tbx > … conceptEntry/langSec/termSec`, TBX-Core,
/// TBX-Min and TBX-Basic, DCA `termNote type="…"` and DCT namespaced styles)
/// and TBX 2008 `martif` (`termEntry/langSet/tig|ntig`). A DOCTYPE naming a DTD
/// that is not there is ignored (no DTD is ever loaded).
public enum TBXReader {
    public static func read(path: String) throws -> Glossary {
        try read(.file(path))
    }

    public static func read(_ input: InputLocation) throws -> Glossary {
        try read(XMLDocumentOpener.open(input))
    }

    public static func read(text: String, fileName: String) throws -> Glossary {
        try read(XMLPullReader(source: MemoryByteSource(text), fileName: fileName))
    }

    /// Where a data category read at the current point belongs.
    private enum Scope { case concept, language, term }

    private static func read(_ xml: XMLPullReader) throws -> Glossary {
        var glossary = Glossary()
        var concept: Concept?
        var language: LanguageTag?
        var term: Term?
        var sawRoot = false
        var inSourceDesc = false
        var generatedIDs = 0

        func finishTerm() {
            if let finished = term, !finished.text.isEmpty { concept?.terms.append(finished) }
            term = nil
        }

        do {
            while try xml.read() {
                switch xml.kind {
                case .element:
                    let name = xml.localName
                    if !sawRoot {
                        sawRoot = true
                        guard name == "tbx" || name == "martif" else {
                            throw FormatError.wrongRoot(file: xml.fileName, line: xml.line, column: 1, found: xml.qualifiedName, expected: "tbx")
                        }
                        continue
                    }
                    switch name {
                    case "sourceDesc":
                        inSourceDesc = !xml.isEmptyElement
                    case "p" where inSourceDesc:
                        let text = try readText(xml)
                        if !text.isEmpty { glossary.description = glossary.description.map { $0 + "\n" + text } ?? text }
                    case "conceptEntry", "termEntry":
                        generatedIDs += 1
                        concept = Concept(id: xml.attribute("id") ?? "c\(generatedIDs)")
                    case "langSec", "langSet":
                        language = (xml.attribute("xml:lang") ?? xml.attribute("lang")).map(LanguageTag.init)
                    case "termSec", "tig", "ntig":
                        finishTerm()
                        term = Term(text: "", language: language ?? LanguageTag("und"), status: .preferred)
                    case "term":
                        let text = try readText(xml)
                        if term == nil { term = Term(text: "", language: language ?? LanguageTag("und")) }
                        term?.text = text
                    case "termNote", "descrip", "admin":
                        guard let type = xml.attribute("type") else { _ = try readText(xml); continue }
                        let where_ = scope(term: term, language: language)
                        apply(category: type, value: try readText(xml), to: where_, concept: &concept, term: &term)
                    case "note":
                        let text = try readText(xml)
                        if term != nil {
                            let joined = join(term?.note, text)
                            term?.note = joined
                        } else {
                            let joined = join(concept?.note, text)
                            concept?.note = joined
                        }
                    default:
                        // DCT style: the element name is the data category (min:partOfSpeech, basic:termType).
                        if xml.namespaceURI != nil && xml.namespaceURI != "urn:iso:std:iso:30042:ed-2",
                           categories.contains(name) {
                            let where_ = scope(term: term, language: language)
                            apply(category: name, value: try readText(xml), to: where_, concept: &concept, term: &term)
                        }
                    }
                case .endElement:
                    switch xml.localName {
                    case "sourceDesc": inSourceDesc = false
                    case "termSec", "tig", "ntig": finishTerm()
                    case "langSec", "langSet":
                        finishTerm()
                        language = nil
                    case "conceptEntry", "termEntry":
                        finishTerm()
                        if let finished = concept { glossary.concepts.append(finished) }
                        concept = nil
                    default: break
                    }
                default:
                    break
                }
            }
        } catch let error as XMLError {
            throw FormatError(error, reading: xml.fileName)
        }
        guard sawRoot else { throw FormatError.missingPart(file: xml.fileName, line: 1, column: 1, part: "the root element <tbx>") }
        return glossary
    }

    /// XML white space (not Unicode white space: a no-break space in a value is content).
    private static let xmlWhitespace = CharacterSet(charactersIn: " \n\t\r")

    static let categories: Set<String> = ["administrativeStatus", "termType", "partOfSpeech", "definition", "subjectField", "note"]

    private static func scope(term: Term?, language: LanguageTag?) -> Scope {
        term != nil ? .term : language != nil ? .language : .concept
    }

    private static func apply(category: String, value: String, to scope: Scope, concept: inout Concept?, term: inout Term?) {
        let trimmed = value.trimmingCharacters(in: Self.xmlWhitespace)
        switch category {
        case "administrativeStatus", "normativeAuthorization", "usageStatus":
            if let status = TermStatus(tbx: trimmed) { term?.status = status }
        case "termType":
            term?.type = TermType(tbx: trimmed)
        case "partOfSpeech":
            term?.partOfSpeech = trimmed
        case "definition":
            if concept?.definition == nil { concept?.definition = trimmed }
        case "subjectField":
            concept?.subjectField = trimmed
        case "note":
            if scope == .term {
                let joined = join(term?.note, trimmed)
                term?.note = joined
            } else {
                let joined = join(concept?.note, trimmed)
                concept?.note = joined
            }
        default:
            break
        }
    }

    private static func join(_ existing: String?, _ addition: String) -> String {
        guard let existing, !existing.isEmpty else { return addition }
        return existing + "\n" + addition
    }

    /// The text content of the current element (its descendants' text).
    static func readText(_ xml: XMLPullReader) throws -> String {
        try xml.textContent()
    }
}
