import ConcordModel
import ConcordXML

/// Inline content of XLIFF 1.2 `<source>` and `<target>` to and from ``TaggedText``:
/// pairs as `bpt`/`ept` (one `id`), halves whose partner is elsewhere as `it`
/// (`pos="open|close"`), placeholders as `ph`, annotations as `mrk`; native code is the
/// element's content, translatable text in it as `sub`. Reads `g`, `x`, `bx` and `ex` too.
public struct XLIFF12InlineEncoder {
    private var nextTag = 1

    public init() {}

    /// The inline nodes for `text`; ids are unique within the unit this encoder serves.
    public mutating func encode(_ text: TaggedText) -> [XMLNode] {
        var opened: [String: String] = [:]
        return encode(text.runs, paired: text.pairedTagIDs, opened: &opened)
    }

    private mutating func encode(_ runs: [TaggedRun], paired: Set<String>, opened: inout [String: String]) -> [XMLNode] {
        runs.map { run -> XMLNode in
            switch run {
            case let .text(text):
                return .text(text)
            case let .annotation(annotation):
                return .element(XMLElement(name: "mrk", attributes: [("mtype", Self.markType(annotation.type))],
                                           children: encode(annotation.runs, paired: paired, opened: &opened)))
            case let .tag(tag):
                return .element(element(for: tag, paired: paired, opened: &opened))
            }
        }
    }

    private mutating func element(for tag: InlineTag, paired: Set<String>, opened: inout [String: String]) -> XMLElement {
        let isPaired = !tag.isolated && tag.id.map(paired.contains) == true
        var attributes: [(name: String, value: String)] = []
        let name: String
        switch (tag.role, isPaired) {
        case (.standalone, _):
            name = "ph"
            attributes.append(("id", newID()))
        case (.opening, true):
            name = "bpt"
            let id = newID()
            opened[tag.id!] = id
            attributes.append(("id", id))
        case (.closing, true):
            name = "ept"
            attributes.append(("id", opened.removeValue(forKey: tag.id!) ?? newID()))
        case (.opening, false), (.closing, false):
            name = "it"
            attributes.append(("id", newID()))
            attributes.append(("pos", tag.role == .opening ? "open" : "close"))
        }
        if name != "ept", let ctype = InlineTypeMapping.xliff12(tag.type) { attributes.append(("ctype", ctype)) }
        return XMLElement(name: name, attributes: attributes, children: native(tag.nativeCode))
    }

    private mutating func native(_ pieces: [NativePiece]) -> [XMLNode] {
        pieces.map { piece -> XMLNode in
            switch piece {
            case let .code(code): return .text(code)
            case let .subflow(subflow):
                var inner = XLIFF12InlineEncoder()
                inner.nextTag = nextTag * 100     // ids inside a sub stay apart from the segment's
                return .element(XMLElement(name: "sub", children: inner.encode(subflow.text)))
            }
        }
    }

    private mutating func newID() -> String {
        defer { nextTag += 1 }
        return String(nextTag)
    }

    /// XLIFF 1.2 `mtype`: its own values, anything else as `x-WORD`.
    static func markType(_ type: String?) -> String {
        let known: Set<String> = ["abbrev", "abbreviated-form", "abbreviation", "acronym", "appellation", "collocation",
                                  "common-name", "datetime", "equation", "expanded-form", "formula", "head-term", "initialism",
                                  "international-scientific-term", "internationalism", "logical-expression", "materials-management-unit",
                                  "name", "near-synonym", "part-number", "phrase", "phraseological-unit", "protected", "romanized-form",
                                  "seg", "set-phrase", "short-form", "sku", "standard-text", "symbol", "synonym", "synonymous-phrase",
                                  "term", "transcribed-form", "transliterated-form", "truncated-term", "variant"]
        guard let type, !type.isEmpty, type.allSatisfy({ !$0.isWhitespace }) else { return "x-hi" }
        return known.contains(type) ? type : "x-" + type      // always prefixed, so that reading strips exactly one
    }
}

/// Reads XLIFF 1.2 inline content back into ``TaggedText``.
public enum XLIFF12InlineDecoder {
    /// The content of `element` (a `<source>`, `<target>` or `<seg-source>` `<mrk>`).
    public static func decode(_ element: XMLElement) -> TaggedText {
        TaggedText(runs: runs(element.children))
    }

    private static func runs(_ nodes: [XMLNode]) -> [TaggedRun] {
        nodes.flatMap { node -> [TaggedRun] in
            switch node {
            case let .text(text): return [.text(text)]
            case .comment: return []
            case let .element(element): return runs(of: element)
            }
        }
    }

    private static func native(_ element: XMLElement) -> [NativePiece] {
        element.children.compactMap { node -> NativePiece? in
            switch node {
            case let .text(text): return .code(text)
            case let .element(sub) where sub.name == "sub": return .subflow(Subflow(text: decode(sub)))
            default: return nil
            }
        }
    }

    private static func runs(of element: XMLElement) -> [TaggedRun] {
        let type = InlineTypeMapping.fromXLIFF12(element.attribute("ctype"))
        let id = element.attribute("rid") ?? element.attribute("id")
        switch element.name {
        case "ph", "x":
            return [.tag(InlineTag(role: .standalone, id: element.attribute("id"), type: type, nativeCode: native(element)))]
        case "bpt", "bx":
            return [.tag(InlineTag(role: .opening, id: id, type: type, nativeCode: native(element)))]
        case "ept", "ex":
            return [.tag(InlineTag(role: .closing, id: id, type: type, nativeCode: native(element)))]
        case "it":
            return [.tag(InlineTag(role: element.attribute("pos") == "close" ? .closing : .opening, id: element.attribute("id"),
                                   isolated: true, type: type, nativeCode: native(element)))]
        case "g":
            return [.tag(InlineTag(role: .opening, id: element.attribute("id"), type: type))] + runs(element.children)
                + [.tag(InlineTag(role: .closing, id: element.attribute("id"), type: type))]
        case "mrk":
            let mtype = element.attribute("mtype")
            return [.annotation(InlineAnnotation(type: mtype == "x-hi" ? nil : mtype.map { $0.hasPrefix("x-") ? String($0.dropFirst(2)) : $0 },
                                                 runs: runs(element.children)))]
        default:
            return runs(element.children)
        }
    }
}
