import ConcordModel
import ConcordXML

/// Reads SRX 2.0 segmentation rules (and SRX 1.0 files, which have the same
/// elements), as OmegaT and Okapi export them.
public enum SRXReader {
    /// The rules in the file at `path`.
    public static func read(path: String) throws -> SegmentationRuleSet {
        try read(XMLDocumentOpener.open(.file(path)))
    }

    /// The rules in `text` (for rules held in memory).
    public static func read(text: String, fileName: String) throws -> SegmentationRuleSet {
        try read(XMLPullReader(source: MemoryByteSource(text), fileName: fileName))
    }

    private static func read(_ xml: XMLPullReader) throws -> SegmentationRuleSet {
        var ruleSet = SegmentationRuleSet(cascade: false)
        var currentRules: LanguageRule?
        var currentRule: SegmentationRule?
        var capture: String?   // "before" or "after" while inside those elements
        var text = ""
        var sawRoot = false
        do {
            while try xml.read() {
                switch xml.kind {
                case .element:
                    let name = xml.localName
                    if !sawRoot {
                        sawRoot = true
                        guard name == "srx" else {
                            throw FormatError.wrongRoot(file: xml.fileName, line: xml.line, column: 1, found: xml.qualifiedName, expected: "srx")
                        }
                        continue
                    }
                    switch name {
                    case "header":
                        ruleSet.cascade = xml.attribute("cascade")?.lowercased() == "yes"
                        ruleSet.segmentSubflows = xml.attribute("segmentsubflows")?.lowercased() != "no"
                    case "formathandle":
                        let include = xml.attribute("include")?.lowercased() == "yes"
                        switch xml.attribute("type") {
                        case "start": ruleSet.includeStartCodes = include
                        case "end": ruleSet.includeEndCodes = include
                        case "isolated": ruleSet.includeIsolatedCodes = include
                        default: break
                        }
                    case "languagerule":
                        currentRules = LanguageRule(name: xml.attribute("languagerulename") ?? "", rules: [])
                    case "rule":
                        currentRule = SegmentationRule(isBreak: xml.attribute("break")?.lowercased() != "no", before: "", after: "")
                    case "beforebreak", "afterbreak":
                        capture = name
                        text = ""
                        if xml.isEmptyElement { finish(capture: &capture, text: text, rule: &currentRule) }
                    case "languagemap":
                        ruleSet.languageMaps.append(LanguageMap(pattern: xml.attribute("languagepattern") ?? ".*",
                                                                ruleName: xml.attribute("languagerulename") ?? ""))
                    default:
                        break
                    }
                case .endElement:
                    switch xml.localName {
                    case "beforebreak", "afterbreak":
                        finish(capture: &capture, text: text, rule: &currentRule)
                    case "rule":
                        if let rule = currentRule { currentRules?.rules.append(rule) }
                        currentRule = nil
                    case "languagerule":
                        if let rules = currentRules { ruleSet.languageRules.append(rules) }
                        currentRules = nil
                    default:
                        break
                    }
                case .text, .cdata, .whitespace, .entityReference:
                    if capture != nil { text += xml.value }
                default:
                    break
                }
            }
        } catch let error as XMLError {
            throw FormatError(error, reading: xml.fileName)
        }
        guard sawRoot else { throw FormatError.missingPart(file: xml.fileName, line: 1, column: 1, part: "the root element <srx>") }
        return ruleSet
    }

    private static func finish(capture: inout String?, text: String, rule: inout SegmentationRule?) {
        if capture == "beforebreak" { rule?.before = text } else if capture == "afterbreak" { rule?.after = text }
        capture = nil
    }
}

/// Writes segmentation rules as SRX 2.0, for OmegaT, Okapi and other tools.
public enum SRXWriter {
    public static func write(_ ruleSet: SegmentationRuleSet, sink: @escaping ([UInt8]) throws -> Void) throws {
        let writer = try XMLStreamWriter(sink: sink)
        try writer.startDocument()
        try writer.startElement("srx")
        try writer.attribute("xmlns", "http://www.lisa.org/srx20")
        try writer.attribute("version", "2.0")
        try writer.startElement("header")
        try writer.attribute("segmentsubflows", ruleSet.segmentSubflows ? "yes" : "no")
        try writer.attribute("cascade", ruleSet.cascade ? "yes" : "no")
        for (type, include) in [("start", ruleSet.includeStartCodes), ("end", ruleSet.includeEndCodes), ("isolated", ruleSet.includeIsolatedCodes)] {
            try writer.startElement("formathandle")
            try writer.attribute("type", type)
            try writer.attribute("include", include ? "yes" : "no")
            try writer.endElement()
        }
        try writer.endElement()
        try writer.startElement("body")
        try writer.startElement("languagerules")
        for languageRule in ruleSet.languageRules {
            try writer.startElement("languagerule")
            try writer.attribute("languagerulename", languageRule.name)
            for rule in languageRule.rules {
                try writer.startElement("rule")
                try writer.attribute("break", rule.isBreak ? "yes" : "no")
                try writer.element("beforebreak", text: rule.before)
                try writer.element("afterbreak", text: rule.after)
                try writer.endElement()
            }
            try writer.endElement()
        }
        try writer.endElement()
        try writer.startElement("maprules")
        for map in ruleSet.languageMaps {
            try writer.startElement("languagemap")
            try writer.attribute("languagepattern", map.pattern)
            try writer.attribute("languagerulename", map.ruleName)
            try writer.endElement()
        }
        try writer.endElement()
        try writer.endElement()
        try writer.endElement()
        try writer.endDocument()
    }
}
