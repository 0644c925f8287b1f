import ConcordModel
import ConcordXML
import Foundation

/// Writes an ``XLIFFDocument`` as XLIFF 2.0 (matches in the Translation Candidates module,
/// glossary entries in the Glossary module, the skeleton inline) or XLIFF 1.2 (matches as
/// `alt-trans`, glossary entries as notes, the skeleton as an internal file), valid against the
/// OASIS schemas (2.0 with modules, 1.2 strict).
public enum XLIFFWriter {
    public static func data(_ document: XLIFFDocument) throws -> [UInt8] {
        var bytes: [UInt8] = []
        let writer = try XMLStreamWriter { bytes += $0 }
        try writer.startDocument()
        switch document.version {
        case .v2_0: try write20(document, writer)
        case .v1_2: try write12(document, writer)
        }
        try writer.endDocument()
        try writer.flush()
        return bytes
    }

    // MARK: XLIFF 2.0

    private static func write20(_ document: XLIFFDocument, _ writer: XMLStreamWriter) throws {
        try writer.startElement("xliff")
        try writer.attribute("xmlns", "urn:oasis:names:tc:xliff:document:2.0")
        try writer.attribute("xmlns:mtc", "urn:oasis:names:tc:xliff:matches:2.0")
        try writer.attribute("xmlns:gls", "urn:oasis:names:tc:xliff:glossary:2.0")
        try writer.attribute("version", "2.0")
        try writer.attribute("srcLang", document.sourceLanguage.canonical)
        if let target = document.targetLanguage { try writer.attribute("trgLang", target.canonical) }
        for file in document.files {
            try writer.startElement("file")
            try writer.attribute("id", file.id)
            try writer.attribute("original", file.original)
            if let skeleton = file.skeleton { try writer.element("skeleton", text: skeleton) }
            for group in file.groups {
                try writer.startElement("group")
                try writer.attribute("id", group.id)
                try writer.attribute("type", "concord:paragraph")
                for unit in group.units { try write20(unit, writer) }
                try writer.endElement()
            }
            try writer.endElement()
        }
        try writer.endElement()
    }

    private static func write20(_ unit: XLIFFUnit, _ writer: XMLStreamWriter) throws {
        try writer.startElement("unit")
        try writer.attribute("id", unit.id)
        if !unit.translate { try writer.attribute("translate", "no") }
        if !unit.matches.isEmpty {
            try writer.startElement("mtc:matches")
            for match in unit.matches {
                try writer.startElement("mtc:match")
                try writer.attribute("ref", "#\(segmentID(unit))")
                try writer.attribute("similarity", number(match.similarity))
                try writer.attribute("type", "tm")
                if match.context { try writer.attribute("subType", "concord:context") }
                try writer.attribute("origin", match.origin)
                try writer.element("source", text: match.source)
                try writer.element("target", text: match.target)
                try writer.endElement()
            }
            try writer.endElement()
        }
        if !unit.glossary.isEmpty {
            try writer.startElement("gls:glossary")
            for entry in unit.glossary {
                try writer.startElement("gls:glossEntry")
                try writer.element("gls:term", text: entry.term, attributes: [("source", entry.origin)])
                for translation in entry.translations where !translation.deprecated {
                    try writer.element("gls:translation", text: translation.text, attributes: [("source", entry.origin)])
                }
                let avoid = entry.translations.filter(\.deprecated).map(\.text)
                if !avoid.isEmpty {
                    try writer.element("gls:definition", text: "Deprecated, do not use: " + avoid.joined(separator: "; "),
                                       attributes: [("source", entry.origin)])
                }
                try writer.endElement()
            }
            try writer.endElement()
        }
        if !unit.notes.isEmpty {
            try writer.startElement("notes")
            for note in unit.notes { try writer.element("note", text: note) }
            try writer.endElement()
        }
        var encoder = XLIFF20InlineEncoder()
        let source = unit.sourceCodes.map { encoder.encode($0) }
        let target = unit.targetCodes.map { encoder.encode($0) }
        if !encoder.originalData.isEmpty {
            try writer.write([.element(XMLElement(name: "originalData", children: encoder.originalData.map { data in
                .element(XMLElement(name: "data", attributes: [("id", data.id)], children: [.text(data.text)]))
            }))])
        }
        try writer.startElement("segment")
        try writer.attribute("id", segmentID(unit))
        try writer.attribute("state", unit.state.rawValue)
        try writeContent("source", plain: unit.source, nodes: source, attributes: [], writer)
        if let plain = unit.target { try writeContent("target", plain: plain, nodes: target, attributes: [], writer) }
        try writer.endElement()
        try writer.endElement()
    }

    /// `<source>` or `<target>`: inline nodes when the text has codes, else the plain text.
    private static func writeContent(_ name: String, plain: String, nodes: [XMLNode]?, attributes: [(String, String)], _ writer: XMLStreamWriter) throws {
        guard let nodes else { return try writer.element(name, text: plain, attributes: attributes) }
        try writer.write([.element(XMLElement(name: name, attributes: attributes.map { (name: $0.0, value: $0.1) }, children: nodes))])
    }

    /// The segment's id inside its unit (unit and segment ids are in different scopes).
    static func segmentID(_ unit: XLIFFUnit) -> String { "\(unit.id)-1" }

    // MARK: XLIFF 1.2

    private static func write12(_ document: XLIFFDocument, _ writer: XMLStreamWriter) throws {
        try writer.startElement("xliff")
        try writer.attribute("xmlns", "urn:oasis:names:tc:xliff:document:1.2")
        try writer.attribute("version", "1.2")
        for file in document.files {
            try writer.startElement("file")
            try writer.attribute("original", file.original)
            try writer.attribute("source-language", document.sourceLanguage.canonical)
            if let target = document.targetLanguage { try writer.attribute("target-language", target.canonical) }
            try writer.attribute("datatype", file.format == "html" ? "html" : "plaintext")
            try writer.attribute("tool-id", "concord")
            try writer.startElement("header")
            if let skeleton = file.skeleton {
                try writer.startElement("skl")
                try writer.element("internal-file", text: skeleton, attributes: [("form", "concord:\(file.format)")])
                try writer.endElement()
            }
            try writer.startElement("tool")
            try writer.attribute("tool-id", "concord")
            try writer.attribute("tool-name", "Concord")
            try writer.endElement()
            try writer.endElement()
            try writer.startElement("body")
            for group in file.groups {
                try writer.startElement("group")
                try writer.attribute("id", group.id)
                try writer.attribute("restype", "x-paragraph")
                for unit in group.units { try write12(unit, document, writer) }
                try writer.endElement()
            }
            try writer.endElement()
            try writer.endElement()
        }
        try writer.endElement()
    }

    private static func write12(_ unit: XLIFFUnit, _ document: XLIFFDocument, _ writer: XMLStreamWriter) throws {
        try writer.startElement("trans-unit")
        try writer.attribute("id", unit.id)
        if !unit.translate { try writer.attribute("translate", "no") }
        if unit.state == .final || unit.state == .reviewed { try writer.attribute("approved", "yes") }
        var encoder = XLIFF12InlineEncoder()
        try writeContent("source", plain: unit.source, nodes: unit.sourceCodes.map { encoder.encode($0) },
                         attributes: [("xml:lang", document.sourceLanguage.canonical)], writer)
        if let target = unit.target, let language = document.targetLanguage {
            try writeContent("target", plain: target, nodes: unit.targetCodes.map { encoder.encode($0) },
                             attributes: [("xml:lang", language.canonical), ("state", state12(unit.state))], writer)
        }
        for note in unit.notes { try writer.element("note", text: note) }
        for entry in unit.glossary {
            let preferred = entry.translations.filter { !$0.deprecated }.map(\.text)
            let avoid = entry.translations.filter(\.deprecated).map(\.text)
            let text = "Term: \(entry.term) = " + preferred.joined(separator: " / ") + (avoid.isEmpty ? "" : " (do not use: \(avoid.joined(separator: ", ")))")
            try writer.element("note", text: text, attributes: [("from", "glossary:\(entry.origin)")])
        }
        for match in unit.matches {
            try writer.startElement("alt-trans")
            try writer.attribute("match-quality", number(match.similarity + (match.context ? 1 : 0)))
            try writer.attribute("origin", match.origin)
            try writer.element("source", text: match.source, attributes: [("xml:lang", document.sourceLanguage.canonical)])
            if let language = document.targetLanguage {
                try writer.element("target", text: match.target, attributes: [("xml:lang", language.canonical)])
            }
            try writer.endElement()
        }
        try writer.endElement()
    }

    static func state12(_ state: XLIFFState) -> String {
        switch state {
        case .initial: "needs-translation"
        case .translated: "translated"
        case .reviewed: "signed-off"
        case .final: "final"
        }
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
