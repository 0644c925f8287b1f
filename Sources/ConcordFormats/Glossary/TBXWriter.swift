import ConcordModel
import ConcordXML

/// Writes glossaries as TBX: 2019 TBX-Basic in the DCA style (valid against
/// TBXcoreStructV03.rng), or TBX 2008 `martif` for older tools.
public enum TBXWriter {
    public enum Dialect: Sendable { case tbx2019, tbx2008 }

    public static func write(_ glossary: Glossary, dialect: Dialect = .tbx2019, sink: @escaping ([UInt8]) throws -> Void) throws {
        let writer = try XMLStreamWriter(sink: sink)
        try writer.startDocument()
        let mainLanguage = glossary.languages.first?.canonical ?? "en"
        switch dialect {
        case .tbx2019:
            try writer.startElement("tbx")
            try writer.attribute("type", "TBX-Basic")
            try writer.attribute("style", "dca")
            try writer.attribute("xml:lang", mainLanguage)
            try writer.attribute("xmlns", "urn:iso:std:iso:30042:ed-2")
            try writer.startElement("tbxHeader")
        case .tbx2008:
            try writer.startElement("martif")
            try writer.attribute("type", "TBX")
            try writer.attribute("xml:lang", mainLanguage)
            try writer.startElement("martifHeader")
        }
        try writer.startElement("fileDesc")
        try writer.startElement("sourceDesc")
        try writer.element("p", text: glossary.description ?? "Written by Concord")
        try writer.endElement()
        try writer.endElement()
        if dialect == .tbx2008 {
            try writer.startElement("encodingDesc")
            try writer.element("p", text: "TBXXCSV02.xcs", attributes: [("type", "XCSURI")])
            try writer.endElement()
        }
        try writer.endElement()
        try writer.startElement("text")
        try writer.startElement("body")
        var usedIDs: Set<String> = []
        for concept in glossary.concepts {
            try writer.startElement(dialect == .tbx2019 ? "conceptEntry" : "termEntry")
            var id = xmlID(concept.id)
            while !usedIDs.insert(id).inserted { id += "_" }
            try writer.attribute("id", id)
            if let subject = concept.subjectField { try writer.element("descrip", text: subject, attributes: [("type", "subjectField")]) }
            if let note = concept.note { try writer.element("note", text: note) }
            var definitionWritten = concept.definition == nil
            for language in concept.languages {
                try writer.startElement(dialect == .tbx2019 ? "langSec" : "langSet")
                try writer.attribute("xml:lang", language.canonical)
                if !definitionWritten, let definition = concept.definition {
                    try writer.element("descrip", text: definition, attributes: [("type", "definition")])
                    definitionWritten = true
                }
                for term in concept.terms where term.language == language {
                    try writer.startElement(dialect == .tbx2019 ? "termSec" : "tig")
                    try writer.element("term", text: term.text)
                    if let partOfSpeech = term.partOfSpeech {
                        try writer.element("termNote", text: partOfSpeech, attributes: [("type", "partOfSpeech")])
                    }
                    if let type = term.type {
                        try writer.element("termNote", text: type.rawValue, attributes: [("type", "termType")])
                    }
                    try writer.element("termNote", text: term.status.tbxValue, attributes: [("type", "administrativeStatus")])
                    if let note = term.note { try writer.element("note", text: note) }
                    try writer.endElement()
                }
                try writer.endElement()
            }
            try writer.endElement()
        }
        try writer.endElement()
        try writer.endElement()
        try writer.endElement()
        try writer.endDocument()
    }

    /// Concept ids are XML IDs in TBX: a name that does not start with a digit.
    static func xmlID(_ id: String) -> String {
        var result = String(id.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" })
        if result.isEmpty || !(result.first!.isLetter || result.first == "_") { result = "c" + result }
        return result
    }
}
