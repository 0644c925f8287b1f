import ConcordModel
import ConcordXML

/// Reads TMX 1.1–1.4b as real tools write it, one unit at a time, in
/// constant memory whatever the file size.
///
/// Tolerated and reported as ``Diagnostic`` values: control characters XML
/// forbids (removed before parsing), an encoding label that lies about
/// UTF-16, a missing header or header attributes, unpaired `bpt`/`ept`, units
/// with one language, TMX 1.1 `lang` attributes, props in the wrong place.
/// Refused with ``FormatError``: XML that is not well-formed, a root that is
/// not `tmx`, a missing `body` (``TMXRecoveringReader`` keeps the units before
/// a fault instead).
///
/// ```swift
/// let reader = try TMXReader(path: "memory.tmx")
/// while let unit = try reader.next() { ... }
/// print(reader.diagnostics)
/// ```
public final class TMXReader {
    public struct Options: Sendable {
        /// False reads structure only: units, languages, attributes and inline
        /// codes, with every diagnostic, but no text in segments, props or notes
        /// (for statistics over huge files).
        public var readsText: Bool
        public init(readsText: Bool = true) {
            self.readsText = readsText
        }
    }

    /// The name used in messages.
    public let fileName: String
    public private(set) var header = TMXHeader()
    /// False when the file has no `<header>`.
    private var hasHeader = false
    /// Findings so far; complete once ``next()`` has returned nil.
    public var diagnostics: [Diagnostic] {
        drainFilter()
        let unlisted = filter.removalCount - filter.removals.count
        guard unlisted > 0 else { return collected }
        return collected + [Diagnostic(DiagnosticCatalog.tmxControlCharacter,
                                       message: "removed \(unlisted) more characters that XML does not allow (only the first \(ControlCharacterFilter.maximumListed) are listed)",
                                       file: fileName)]
    }

    private let options: Options
    private var xml: XMLPullReader
    private var filter: ControlCharacterFilter
    private var reportedRemovals: Set<[Int]> = []
    private var collected: [Diagnostic] = []
    private var finished = false
    private var drainedRemovals = 0

    /// Opens the file at `path` and reads up to the first unit.
    public convenience init(path: String, options: Options = Options()) throws {
        try self.init(input: .file(path), options: options)
    }

    /// Opens `input` and reads up to the first unit.
    public convenience init(input: InputLocation, options: Options = Options()) throws {
        try self.init(source: input.byteSource(), fileName: input.name, options: options)
    }

    /// Reads TMX from `source`; `fileName` names it in messages.
    public init(source: ByteSource, fileName: String, options: Options = Options()) throws {
        self.fileName = fileName
        self.options = options
        let prefixed: PrefixedByteSource
        do {
            prefixed = try PrefixedByteSource(source: source, sniffing: 4096)
        } catch {
            throw FormatError.io(file: fileName, reason: String(describing: error))
        }
        do {
            // Judged on the bytes as they are: the filter would make a file of NUL bytes look empty.
            try XMLPullReader.refuseUnlessXML(prefixed.head, fileName: fileName)
        } catch let error as XMLError {
            throw FormatError(error, reading: fileName)
        }
        let sniff = EncodingSniff(prefix: prefixed.head)
        if sniff.declaresUTF16ButIsNot {
            collected.append(Diagnostic(DiagnosticCatalog.tmxEncodingLabel,
                                        message: "the XML declaration says \(sniff.declaredEncoding ?? "UTF-16") but the bytes are not UTF-16; read as UTF-8",
                                        file: fileName, line: 1, column: 1))
        }
        filter = ControlCharacterFilter(prefixed, layout: sniff.layout)
        xml = try XMLPullReader(source: filter, fileName: fileName, ignoreDeclaredEncoding: sniff.declaresUTF16ButIsNot, keepsText: options.readsText)
        do {
            try readPrologue()
        } catch let error as XMLError {
            throw FormatError(error, reading: fileName)      // one error type at the module's edge
        }
    }

    /// Every remaining unit.
    public func readAll() throws -> [TranslationUnit] {
        var units: [TranslationUnit] = []
        while let unit = try next() { units.append(unit) }
        return units
    }

    // MARK: Document structure

    private func readPrologue() throws {
        // The root element decides whether this is TMX at all (a Tiled map is `.tmx` too).
        while true {
            guard try advance() else {
                throw FormatError.missingPart(file: fileName, line: xml.parserLine, column: xml.parserColumn, part: "the root element <tmx>")
            }
            if xml.kind == .element { break }
        }
        guard xml.localName == "tmx" else {
            throw FormatError.wrongRoot(file: fileName, line: xml.line, column: 1, found: xml.qualifiedName, expected: "tmx")
        }
        header.formatVersion = xml.attribute("version")
        if xml.isEmptyElement { throw missingBody() }
        let rootDepth = xml.depth
        while try advance() {
            if xml.kind == .endElement, xml.depth == rootDepth { throw missingBody() }
            guard xml.kind == .element, xml.depth == rootDepth + 1 else { continue }
            switch xml.localName {
            case "header":
                try readHeader()
            case "body":
                if !hasHeader {
                    collected.append(Diagnostic(DiagnosticCatalog.tmxMissingHeader,
                                                message: "the file has no <header>; units are read without one",
                                                file: fileName, line: xml.line))
                }
                if xml.isEmptyElement { finished = true }
                return
            default:
                collected.append(Diagnostic(DiagnosticCatalog.tmxUnexpectedElement,
                                            message: "<\(xml.qualifiedName)> is not part of TMX here; skipped", file: fileName, line: xml.line))
                try xml.skipSubtree()
            }
        }
        throw missingBody()
    }

    private func missingBody() -> FormatError {
        FormatError.missingPart(file: fileName, line: xml.parserLine, column: xml.parserColumn, part: "<body>")
    }

    private func readHeader() throws {
        hasHeader = true
        let line = xml.line
        var info = ChangeInfo()
        for attribute in xml.attributes {
            switch attribute.name {
            case "creationtool": header.creationTool = attribute.value
            case "creationtoolversion": header.creationToolVersion = attribute.value
            case "segtype": header.segmentType = attribute.value
            case "o-tmf": header.originalFormat = attribute.value
            case "adminlang": header.adminLanguage = attribute.value
            case "srclang": header.sourceLanguage = attribute.value
            case "datatype": header.dataType = attribute.value
            default:
                if !apply(attribute, to: &info, line: line) { header.otherAttributes.append(Attribute(attribute.name, attribute.value)) }
            }
        }
        header.info = info
        let required: [(String, String?)] = [("creationtool", header.creationTool), ("creationtoolversion", header.creationToolVersion),
                                             ("segtype", header.segmentType), ("o-tmf", header.originalFormat),
                                             ("adminlang", header.adminLanguage), ("srclang", header.sourceLanguage),
                                             ("datatype", header.dataType)]
        let missing = required.filter { $0.1 == nil }.map(\.0)
        if !missing.isEmpty {
            collected.append(Diagnostic(DiagnosticCatalog.tmxHeaderAttributeMissing,
                                        message: "<header> lacks required attribute\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", "))",
                                        file: fileName, line: line))
        }
        guard !xml.isEmptyElement else { return }
        let depth = xml.depth
        while try advance() {
            if xml.kind == .endElement, xml.depth == depth { return }
            guard xml.kind == .element else { continue }
            switch xml.localName {
            case "prop": header.properties.append(try readProperty())
            case "note": header.notes.append(try readNote())
            case "ude": header.userDefinedEncodings.append(try readUDE())
            default: try xml.skipSubtree()
            }
        }
    }

    private func readUDE() throws -> UserDefinedEncoding {
        var ude = UserDefinedEncoding(name: xml.attribute("name") ?? "", base: xml.attribute("base"))
        guard !xml.isEmptyElement else { return ude }
        let depth = xml.depth
        while try advance() {
            if xml.kind == .endElement, xml.depth == depth { break }
            if xml.kind == .element, xml.localName == "map" {
                ude.maps.append(xml.attributes.map { Attribute($0.name, $0.value) })
            }
        }
        return ude
    }

    // MARK: Units

    /// The next unit, or nil at the end of the body.
    public func next() throws -> TranslationUnit? {
        guard !finished else { return nil }
        do {
            while try xml.read() {
                switch xml.kind {
                case .element where xml.localName == "tu":
                    return try readUnit()
                case .endElement where xml.localName == "body":
                    finished = true
                    try drainToEnd()
                    return nil
                case .element:
                    collected.append(Diagnostic(DiagnosticCatalog.tmxUnexpectedElement,
                                                message: "<\(xml.qualifiedName)> in <body> is not a unit; skipped", file: fileName, line: xml.line))
                    try xml.skipSubtree()
                default:
                    continue
                }
            }
            finished = true
            return nil
        } catch let error as XMLError {
            finished = true
            throw FormatError(error, reading: fileName)
        }
    }

    /// Reads past `</body>` so that faults after it are still reported.
    private func drainToEnd() throws {
        while try xml.read() {}
    }

    /// Entities already reported as not loaded (once per name).
    private var unloadedEntities: Set<String> = []

    /// Says that an external entity (or one declared outside the document) was left out: its
    /// text is missing from the segment, and the file may be an attempt to read local files (XXE).
    private func noteUnloadedEntity() {
        guard xml.isUnloadedEntity, unloadedEntities.count < 100, unloadedEntities.insert(xml.localName).inserted else { return }
        collected.append(Diagnostic(DiagnosticCatalog.tmxEntityNotLoaded,
                                    message: "the entity &\(xml.localName); was left out: it is external or declared outside the document, and Concord never loads other files",
                                    file: fileName, line: xml.line))
    }

    /// Moves on, turning XML errors into format errors (or, when recovering, into the end).
    private func advance() throws -> Bool {
        do {
            return try xml.read()
        } catch let error as XMLError {
            throw FormatError(error, reading: fileName)
        }
    }

    private func readUnit() throws -> TranslationUnit {
        var unit = TranslationUnit(line: xml.line)
        xml.forEachAttribute { name, value in
            let attribute = (name: name, value: value)
            switch attribute.name {
            case "tuid": unit.tuid = attribute.value
            case "srclang": unit.sourceLanguage = attribute.value.lowercased() == "*all*" ? nil : LanguageTag(attribute.value)
            case "segtype": unit.segmentType = attribute.value
            default:
                if !apply(attribute, to: &unit.info, line: unit.line ?? 0) { unit.otherAttributes.append(Attribute(attribute.name, attribute.value)) }
            }
        }
        if !xml.isEmptyElement {
            let depth = xml.depth
            while try xml.read() {
                if xml.kind == .endElement, xml.depth == depth { break }
                guard xml.kind == .element else { continue }
                switch xml.localName {
                case "tuv": unit.variants.append(try readVariant())
                case "prop": unit.properties.append(try readProperty())
                case "note": unit.notes.append(try readNote())
                default:
                    collected.append(Diagnostic(DiagnosticCatalog.tmxUnexpectedElement,
                                                message: "<\(xml.qualifiedName)> in <tu> is not TMX; skipped", file: fileName, line: xml.line))
                    try xml.skipSubtree()
                }
            }
        }
        TMXUnitChecks.check(unit, file: fileName, into: &collected)
        return unit
    }

    private func readVariant() throws -> Variant {
        let line = xml.line
        var language: String?
        var xmlLanguage: String?
        var info = ChangeInfo()
        var others: [Attribute] = []
        xml.forEachAttribute { name, value in
            let attribute = (name: name, value: value)
            switch attribute.name {
            case "xml:lang": xmlLanguage = attribute.value
            case "lang": language = attribute.value // TMX 1.1–1.2
            default:
                if !apply(attribute, to: &info, line: line) { others.append(Attribute(attribute.name, attribute.value)) }
            }
        }
        let tag = xmlLanguage ?? language
        if tag == nil {
            collected.append(Diagnostic(DiagnosticCatalog.tmxMissingLanguage,
                                        message: "<tuv> has no xml:lang; its language is recorded as 'und'", file: fileName, line: line))
        }
        let parsed = languageTag(tag ?? "und")
        if !parsed.wellFormed {
            collected.append(Diagnostic(DiagnosticCatalog.tmxInvalidLanguage,
                                        message: "'\(tag ?? "")' is not a well-formed BCP 47 language tag", file: fileName, line: line))
        }
        var variant = Variant(language: parsed.tag, segment: Segment(parts: []), info: info, otherAttributes: others)
        guard !xml.isEmptyElement else { return variant }
        let depth = xml.depth
        var sawSegment = false
        var strayText = ""
        while try xml.read() {
            if xml.kind == .endElement, xml.depth == depth { break }
            switch xml.kind {
            case .element:
                switch xml.localName {
                case "seg":
                    sawSegment = true
                    variant.segment = Segment(parts: xml.isEmptyElement ? [] : try readMixedContent())
                case "prop", "note":
                    if sawSegment {
                        // Okapi's PO filter writes props after <seg>: kept, but reported.
                        collected.append(Diagnostic(DiagnosticCatalog.tmxMisplacedElement,
                                                    message: "<\(xml.localName)> after <seg> in <tuv>; TMX puts it before <seg>", file: fileName, line: xml.line))
                    }
                    if xml.localName == "prop" { variant.properties.append(try readProperty()) } else { variant.notes.append(try readNote()) }
                default:
                    collected.append(Diagnostic(DiagnosticCatalog.tmxUnexpectedElement,
                                                message: "<\(xml.qualifiedName)> in <tuv> is not TMX; skipped", file: fileName, line: xml.line))
                    try xml.skipSubtree()
                }
            case .text, .cdata, .entityReference:
                noteUnloadedEntity()
                strayText += options.readsText ? xml.value : " "
            default:
                continue
            }
        }
        if !sawSegment {
            if !strayText.isEmpty {
                // Seen in SDLPPX exports: the text sits directly in <tuv>.
                variant.segment = Segment(strayText)
                collected.append(Diagnostic(DiagnosticCatalog.tmxTextOutsideSeg,
                                            message: "text directly in <tuv> without <seg>; taken as the segment", file: fileName, line: line))
            } else {
                collected.append(Diagnostic(DiagnosticCatalog.tmxMissingSeg,
                                            message: "<tuv xml:lang=\"\(tag ?? "")\"> has no <seg>", file: fileName, line: line))
            }
        }
        return variant
    }

    /// Reads the content of the current element (a `seg` or an inline element) up to its end.
    private func readMixedContent() throws -> [SegmentPart] {
        let depth = xml.depth
        var parts: [SegmentPart] = []
        var text = ""
        func flushText() {
            if !text.isEmpty {
                parts.append(.text(text))
                text = ""
            }
        }
        while try xml.read() {
            switch xml.kind {
            case .endElement where xml.depth == depth:
                flushText()
                return parts
            case .text, .whitespace, .cdata, .entityReference:
                noteUnloadedEntity()
                if options.readsText { text += xml.value }
            case .element:
                if let kind = InlineKind(rawValue: xml.localName) {
                    flushText()
                    let attributes = xml.attributes.map { Attribute($0.name, $0.value) }
                    let content = xml.isEmptyElement ? [] : try readMixedContent()
                    parts.append(.code(InlineCode(kind: kind, attributes: attributes, content: content)))
                } else {
                    // MateCat's <g> and other strangers: keep their text, report them.
                    collected.append(Diagnostic(DiagnosticCatalog.tmxUnknownInline,
                                                message: "<\(xml.qualifiedName)> is not a TMX inline element; its text is kept, the tag dropped",
                                                file: fileName, line: xml.line))
                    if !xml.isEmptyElement {
                        flushText()
                        parts.append(contentsOf: try readMixedContent())
                    }
                }
            default:
                continue
            }
        }
        flushText()
        return parts
    }

    private func readProperty() throws -> Property {
        let type = xml.attribute("type")
        let line = xml.line
        if type == nil {
            collected.append(Diagnostic(DiagnosticCatalog.tmxPropWithoutType,
                                        message: "<prop> has no type attribute (required)", file: fileName, line: line))
        }
        let language = (xml.attribute("xml:lang") ?? xml.attribute("lang")).map { LanguageTag($0).canonical }
        let encoding = xml.attribute("o-encoding")
        return Property(type: type ?? "", value: try readText(), language: language, encoding: encoding)
    }

    private func readNote() throws -> Note {
        let language = (xml.attribute("xml:lang") ?? xml.attribute("lang")).map { LanguageTag($0).canonical }
        let encoding = xml.attribute("o-encoding")
        return Note(try readText(), language: language, encoding: encoding)
    }

    /// The text content of the current element (nothing built when reading structure only).
    private func readText() throws -> String {
        try xml.textContent(keepingText: options.readsText)
    }

    /// Applies a metadata attribute shared by header, tu and tuv; false when it is not one.
    private func apply(_ attribute: (name: String, value: String), to info: inout ChangeInfo, line: Int) -> Bool {
        switch attribute.name {
        case "creationdate", "changedate", "lastusagedate":
            guard let date = Timestamp(iso8601: attribute.value) else {
                collected.append(Diagnostic(DiagnosticCatalog.tmxBadDate,
                                            message: "\(attribute.name)=\"\(attribute.value)\" is not an ISO 8601 date; kept as written",
                                            file: fileName, line: line))
                return false
            }
            switch attribute.name {
            case "creationdate": info.creationDate = date
            case "changedate": info.changeDate = date
            default: info.lastUsageDate = date
            }
        case "creationid": info.creationID = attribute.value
        case "changeid": info.changeID = attribute.value
        case "creationtool": info.creationTool = attribute.value
        case "creationtoolversion": info.creationToolVersion = attribute.value
        case "usagecount":
            guard let count = Int(attribute.value) else { return false }
            info.usageCount = count
        case "o-encoding": info.originalEncoding = attribute.value
        case "datatype": info.dataType = attribute.value
        case "o-tmf": info.originalFormat = attribute.value
        default: return false
        }
        return true
    }

    /// Language tags as written → canonical tag and well-formedness; a memory has few distinct ones.
    private var languageCache: [String: (tag: LanguageTag, wellFormed: Bool)] = [:]

    /// The last tag looked up: variants mostly alternate between two or three.
    private var recentLanguages: [(raw: String, entry: (tag: LanguageTag, wellFormed: Bool))] = []

    private func languageTag(_ raw: String) -> (tag: LanguageTag, wellFormed: Bool) {
        for recent in recentLanguages where recent.raw == raw { return recent.entry }
        if let cached = languageCache[raw] { return cached }
        let entry = (LanguageTag(raw), LanguageTagSyntax.isWellFormed(raw))
        languageCache[raw] = entry
        if recentLanguages.count < 8 { recentLanguages.append((raw, entry)) }
        return entry
    }

    /// Moves control-character removals from the filter into the diagnostics, in file order.
    private func drainFilter() {
        let removals = filter.removals
        guard drainedRemovals < removals.count else { return }
        for removal in removals[drainedRemovals...] where reportedRemovals.insert([removal.line, removal.column]).inserted {
            let hex = String(removal.codePoint, radix: 16, uppercase: true)
            let name = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            collected.append(Diagnostic(DiagnosticCatalog.tmxControlCharacter,
                                        message: "removed \(name), which XML does not allow\(removal.asReference ? " (written as a character reference)" : "")",
                                        file: fileName, line: removal.line, column: removal.column))
        }
        drainedRemovals = removals.count
    }
}
