import ConcordModel
import ConcordXML

/// Writes TMX 1.4b that validates against the LISA DTD: every required
/// header attribute, `xml:lang` only, dates as `YYYYMMDDThhmmssZ`, props,
/// notes and inline codes in their order, segments byte for byte. Characters
/// XML 1.0 forbids are dropped and reported in ``diagnostics``.
///
/// Units are written as they come (constant memory); ``finish()`` closes the
/// document and hands the rest to the sink.
public final class TMXWriter {
    private let writer: XMLStreamWriter
    private let fileName: String
    private var unitCount = 0
    private var reportedRemovals = 0
    /// Findings about what could not be written as it was.
    public private(set) var diagnostics: [Diagnostic] = []

    /// Starts a document with `header`; missing required attributes are filled in
    /// (creationtool Concord, segtype sentence, datatype plaintext, srclang `*all*`).
    /// `indent` false writes no whitespace between elements (for machines, not people).
    public init(header: TMXHeader, fileName: String, indent: Bool = true, sink: @escaping ([UInt8]) throws -> Void) throws {
        self.fileName = fileName
        writer = try XMLStreamWriter(indent: indent, sink: sink)
        try writer.startDocument()
        try writer.startElement("tmx")
        try writer.attribute("version", "1.4")
        try writer.startElement("header")
        try writer.attribute("creationtool", header.creationTool ?? "Concord")
        try writer.attribute("creationtoolversion", header.creationToolVersion ?? "unknown")
        try writer.attribute("segtype", Self.segmentType(header.segmentType))
        try writer.attribute("o-tmf", header.originalFormat ?? "Concord")
        try writer.attribute("adminlang", header.adminLanguage.map { LanguageTag($0).canonical } ?? "en")
        try writer.attribute("srclang", Self.sourceLanguage(header.sourceLanguage))
        try writer.attribute("datatype", header.dataType ?? "plaintext")
        try writeInfo(header.info)
        try writeOther(header.otherAttributes, allowed: Self.headerAttributes, element: "header")
        for note in header.notes { try writeNote(note) }
        for property in header.properties { try writeProperty(property) }
        for ude in header.userDefinedEncodings {
            try writer.startElement("ude")
            try writer.attribute("name", ude.name)
            if let base = ude.base { try writer.attribute("base", base) }
            for map in ude.maps {
                try writer.startElement("map")
                for attribute in map { try writer.attribute(attribute.name, attribute.value) }
                try writer.endElement()
            }
            try writer.endElement()
        }
        try writer.endElement()
        try writer.startElement("body")
    }


    /// Writes one unit. A unit without variants cannot be valid TMX (`tu` needs a
    /// `tuv`): it is left out and reported.
    public func write(_ unit: TranslationUnit) throws {
        unitCount += 1
        guard !unit.variants.isEmpty else {
            let label = unit.tuid.map { "unit \"\($0)\"" } ?? "unit \(unitCount)"
            diagnostics.append(Diagnostic(DiagnosticCatalog.tmxEmptyUnitDropped,
                                          message: "\(label) has no variants; TMX requires one, so it was left out", file: fileName))
            return
        }
        try writer.startElement("tu")
        if let tuid = unit.tuid { try writer.attribute("tuid", tuid) }
        if let sourceLanguage = unit.sourceLanguage { try writer.attribute("srclang", sourceLanguage.canonical) }
        if let segmentType = unit.segmentType { try writer.attribute("segtype", Self.segmentType(segmentType)) }
        try writeInfo(unit.info)
        try writeOther(unit.otherAttributes, allowed: Self.unitAttributes, element: "tu")
        for note in unit.notes { try writeNote(note) }
        for property in unit.properties { try writeProperty(property) }
        for variant in unit.variants {
            try writer.startElement("tuv")
            try writer.attribute("xml:lang", variant.language.canonical)
            try writeInfo(variant.info)
            try writeOther(variant.otherAttributes, allowed: Self.variantAttributes, element: "tuv")
            for note in variant.notes { try writeNote(note) }
            for property in variant.properties { try writeProperty(property) }
            try writer.startElement("seg", mixedContent: true)
            try writeParts(variant.segment.parts)
            try writer.endElementWithClosingTag()
            try writer.endElement()
        }
        try writer.endElement()
        reportRemovals(unit: unit)
    }

    /// Hands everything written so far to the sink.
    public func flush() throws {
        try writer.flush()
    }

    /// Closes the document.
    public func finish() throws {
        try writer.endElement() // body
        try writer.endElement() // tmx
        try writer.endDocument()
    }

    private func writeParts(_ parts: [SegmentPart]) throws {
        for part in parts {
            switch part {
            case let .text(text):
                try writer.text(text)
            case let .code(code):
                // `ut` is deprecated but still in the DTD: a code read as `ut` is
                // written back as `ut`, so the round trip loses nothing.
                try writer.startElement(code.kind.rawValue, mixedContent: true)
                for attribute in code.attributes where Self.isAllowed(attribute.name, on: code.kind) {
                    try writer.attribute(attribute.name, attribute.value)
                }
                try writeParts(code.content)
                try writer.endElementWithClosingTag()
            }
        }
    }

    private func writeInfo(_ info: ChangeInfo) throws {
        if let value = info.originalEncoding { try writer.attribute("o-encoding", value) }
        if let value = info.dataType { try writer.attribute("datatype", value) }
        if let value = info.usageCount { try writer.attribute("usagecount", String(value)) }
        if let value = info.lastUsageDate { try writer.attribute("lastusagedate", value.tmxString) }
        if let value = info.creationTool { try writer.attribute("creationtool", value) }
        if let value = info.creationToolVersion { try writer.attribute("creationtoolversion", value) }
        if let value = info.creationDate { try writer.attribute("creationdate", value.tmxString) }
        if let value = info.creationID { try writer.attribute("creationid", value) }
        if let value = info.changeDate { try writer.attribute("changedate", value.tmxString) }
        if let value = info.originalFormat { try writer.attribute("o-tmf", value) }
        if let value = info.changeID { try writer.attribute("changeid", value) }
    }

    private func writeNote(_ note: Note) throws {
        try writer.startElement("note", mixedContent: true)
        if let language = note.language { try writer.attribute("xml:lang", LanguageTag(language).canonical) }
        if let encoding = note.encoding { try writer.attribute("o-encoding", encoding) }
        try writer.text(note.text)
        try writer.endElementWithClosingTag()
    }

    private func writeProperty(_ property: Property) throws {
        try writer.startElement("prop", mixedContent: true)
        // `type` is required; a prop read without one (old Trados) keeps an empty type, which the DTD accepts.
        try writer.attribute("type", property.type)
        if let language = property.language { try writer.attribute("xml:lang", LanguageTag(language).canonical) }
        if let encoding = property.encoding { try writer.attribute("o-encoding", encoding) }
        try writer.text(property.value)
        try writer.endElementWithClosingTag()
    }

    private func reportRemovals(unit: TranslationUnit) {
        guard writer.removedCharacters > reportedRemovals else { return }
        let count = writer.removedCharacters - reportedRemovals
        reportedRemovals = writer.removedCharacters
        let label = unit.tuid.map { "unit \"\($0)\"" } ?? "unit \(unitCount)"
        diagnostics.append(Diagnostic(DiagnosticCatalog.tmxRemovedCharacter,
                                      message: "\(label): removed \(count) character\(count == 1 ? "" : "s") that XML 1.0 does not allow",
                                      file: fileName))
    }

    /// The DTD's attributes per inline element; others would make the file invalid.
    private static func isAllowed(_ attribute: String, on kind: InlineKind) -> Bool {
        switch kind {
        case .bpt: return ["i", "x", "type"].contains(attribute)
        case .ept: return attribute == "i"
        case .it: return ["pos", "x", "type"].contains(attribute)
        case .ph: return ["x", "type", "assoc"].contains(attribute)
        case .hi: return ["x", "type"].contains(attribute)
        case .sub: return ["datatype", "type"].contains(attribute)
        case .ut: return ["x"].contains(attribute)
        }
    }

    private static func segmentType(_ value: String?) -> String {
        let allowed = ["block", "paragraph", "sentence", "phrase"]
        guard let value = value?.lowercased(), allowed.contains(value) else { return "sentence" }
        return value
    }

    private static func sourceLanguage(_ value: String?) -> String {
        guard let value, !value.isEmpty else { return "*all*" }
        return value.lowercased() == "*all*" ? "*all*" : LanguageTag(value).canonical
    }

    /// Writes attributes kept from the input that the DTD allows (a date that
    /// did not parse, kept as written); others would make the file invalid,
    /// so they are left out and reported once per name.
    private func writeOther(_ attributes: [Attribute], allowed: Set<String>, element: String) throws {
        for attribute in attributes {
            if allowed.contains(attribute.name) {
                try writer.attribute(attribute.name, attribute.value)
            } else if droppedAttributes.insert("\(element)@\(attribute.name)").inserted {
                diagnostics.append(Diagnostic(DiagnosticCatalog.tmxDroppedAttribute,
                                              message: "attribute \(attribute.name) on <\(element)> is not TMX 1.4b; left out",
                                              file: fileName))
            }
        }
    }

    private var droppedAttributes: Set<String> = []
    private static let sharedAttributes: Set<String> = ["o-encoding", "datatype", "usagecount", "lastusagedate", "creationtool",
                                                        "creationtoolversion", "creationdate", "creationid", "changedate", "changeid", "o-tmf"]
    private static let headerAttributes: Set<String> = ["o-encoding", "creationdate", "creationid", "changedate", "changeid"]
    private static let unitAttributes: Set<String> = sharedAttributes
    private static let variantAttributes: Set<String> = sharedAttributes
}
