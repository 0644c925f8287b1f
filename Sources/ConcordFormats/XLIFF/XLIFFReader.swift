import ConcordModel
import ConcordXML

/// Reads XLIFF 2.0 and 1.2 (the version from the root element) into an ``XLIFFDocument``:
/// files, groups, units with source, target and state, matches (`mtc:match`, `alt-trans`),
/// glossary entries and notes. Inline codes are read as their text. Hostile XML is refused by
/// the pull reader (no external entities, bounded entity expansion).
public enum XLIFFReader {
    public static func read(_ input: InputLocation) throws -> XLIFFDocument {
        let reader = try XMLDocumentOpener.open(input)
        do {
            return try read(reader, name: input.name)
        } catch let error as XMLError {
            throw FormatError(error, reading: input.name)
        }
    }

    private static func read(_ reader: XMLPullReader, name: String) throws -> XLIFFDocument {
        var state = ReadingState()
        while try reader.read() {
            switch reader.kind {
            case .element: try state.start(reader, name: name)
            case .endElement: state.end(reader.localName)
            default: continue
            }
        }
        guard let document = state.document else {
            throw FormatError.wrongRoot(file: name, line: 1, column: 1, found: "nothing", expected: "xliff")
        }
        return document
    }

    /// Where the reader is, and what it has built so far.
    private struct ReadingState {
        var document: XLIFFDocument?
        var unit: XLIFFUnit?
        var inMatch = false
        var match: XLIFFMatch?
        var entry: XLIFFGlossEntry?
        var units: [XLIFFUnit] = []
        /// The unit's `<originalData>` (XLIFF 2.0), which its inline codes refer to.
        var originalData: [String: String] = [:]

        mutating func start(_ reader: XMLPullReader, name: String) throws {
            let local = reader.localName
            if document == nil {
                guard local == "xliff" else {
                    throw FormatError.wrongRoot(file: name, line: reader.line, column: 1, found: local, expected: "xliff")
                }
                let version: XLIFFVersion = reader.attribute("version")?.hasPrefix("2") == true ? .v2_0 : .v1_2
                document = XLIFFDocument(version: version, sourceLanguage: LanguageTag(reader.attribute("srcLang") ?? "und"),
                                         targetLanguage: reader.attribute("trgLang").map(LanguageTag.init), files: [])
                return
            }
            switch local {
            case "file":
                let original = reader.attribute("original") ?? ""
                let format = reader.attribute("datatype") == "html" ? "html" : DocumentFormat(path: original)?.rawValue ?? "txt"
                document!.files.append(XLIFFFile(id: reader.attribute("id") ?? "f\(document!.files.count + 1)",
                                                 original: reader.attribute("original") ?? "", format: format, groups: []))
                if let source = reader.attribute("source-language") { document!.sourceLanguage = LanguageTag(source) }
                if let target = reader.attribute("target-language") { document!.targetLanguage = LanguageTag(target) }
            case "skeleton":
                try setSkeleton(reader.textContent(), format: nil)
            case "internal-file":
                let form = reader.attribute("form") ?? ""
                try setSkeleton(reader.textContent(), format: form.hasPrefix("concord:") ? String(form.dropFirst(8)) : nil)
            case "group":
                closeGroupIfAny()
                startGroup(reader.attribute("id") ?? "g\(groupCount + 1)")
            case "unit", "trans-unit":
                originalData = [:]
                unit = XLIFFUnit(id: reader.attribute("id") ?? "u\(units.count + 1)", source: "",
                                 translate: reader.attribute("translate") != "no")
                if reader.attribute("approved") == "yes" { unit!.state = .final }
            case "segment":
                if let value = reader.attribute("state"), let parsed = XLIFFState(rawValue: value) { unit?.state = parsed }
            case "match", "alt-trans":
                inMatch = true
                let quality = Double(reader.attribute(local == "match" ? "similarity" : "match-quality") ?? "") ?? 0
                match = XLIFFMatch(similarity: min(100, quality), context: quality > 100 || reader.attribute("subType") == "concord:context",
                                   origin: reader.attribute("origin") ?? "", source: "", target: "")
            case "data":
                if let id = reader.attribute("id") { originalData[id] = try reader.textContent() }
            case "source":
                let (text, codes) = try content(reader)
                if inMatch { match?.source = text } else {
                    unit?.source = text
                    unit?.sourceCodes = codes
                }
            case "target":
                let stateValue = reader.attribute("state")
                let (text, codes) = try content(reader)
                if inMatch { match?.target = text } else if unit != nil {
                    unit!.target = text
                    unit!.targetCodes = codes
                    if let stateValue { unit!.state = XLIFFReader.state(from12: stateValue) ?? unit!.state } else if unit!.state == .initial, document?.version == .v1_2 {
                        unit!.state = .translated
                    }
                }
            case "glossEntry":
                entry = XLIFFGlossEntry(term: "", origin: "", translations: [])
            case "term":
                entry?.origin = reader.attribute("source") ?? ""
                entry?.term = try reader.textContent()
            case "translation":
                entry?.translations.append(.init(text: try reader.textContent()))
            case "note":
                let text = try reader.textContent()
                if !inMatch { unit?.notes.append(text) }
            default:
                break
            }
        }

        /// A `<source>` or `<target>`: its plain text, and its inline codes when it has any.
        private func content(_ reader: XMLPullReader) throws -> (String, TaggedText?) {
            let tree = try reader.readTree()
            let tagged = document?.version == .v2_0 ? XLIFF20InlineDecoder.decode(tree, originalData: originalData)
                                                    : XLIFF12InlineDecoder.decode(tree)
            return (tagged.plainText, tagged.allTags.isEmpty ? nil : tagged)
        }

        mutating func end(_ local: String) {
            switch local {
            case "unit", "trans-unit":
                if let unit { units.append(unit) }
                unit = nil
            case "match", "alt-trans":
                if let match { unit?.matches.append(match) }
                match = nil
                inMatch = false
            case "glossEntry":
                if let entry { unit?.glossary.append(entry) }
                entry = nil
            case "group":
                closeGroupIfAny()
            case "file":
                closeGroupIfAny()
            default:
                break
            }
        }

        var groupCount: Int { document?.files.last?.groups.count ?? 0 }
        private var openGroup: String?

        private mutating func startGroup(_ id: String) { openGroup = id }

        /// Units read since the last group closed become a group (units outside any group get one each).
        private mutating func closeGroupIfAny() {
            guard !units.isEmpty, document?.files.isEmpty == false else { openGroup = nil; return }
            let id = openGroup ?? "g\(groupCount + 1)"
            document!.files[document!.files.count - 1].groups.append(XLIFFGroup(id: id, units: units))
            units = []
            openGroup = nil
        }

        private mutating func setSkeleton(_ text: String, format: String?) throws {
            guard document?.files.isEmpty == false else { return }
            document!.files[document!.files.count - 1].skeleton = text
            if let format { document!.files[document!.files.count - 1].format = format }
        }
    }

    /// XLIFF 1.2's states mapped onto 2.0's four.
    static func state(from12 value: String) -> XLIFFState? {
        switch value {
        case "new", "needs-translation", "needs-adaptation", "needs-l10n": .initial
        case "translated", "needs-review-translation", "needs-review-adaptation", "needs-review-l10n": .translated
        case "signed-off": .reviewed
        case "final": .final
        default: XLIFFState(rawValue: value)
        }
    }
}
