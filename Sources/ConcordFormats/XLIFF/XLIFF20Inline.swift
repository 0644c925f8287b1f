import ConcordModel
import ConcordXML

/// Inline content of XLIFF 2.0 `<source>` and `<target>` to and from ``TaggedText``:
/// pairs as `sc`/`ec` (`startRef`), halves whose partner is elsewhere as `sc`/`ec` with
/// `isolated="yes"`, placeholders as `ph`, annotations as `mrk`; native code in the
/// unit's `<originalData>` (`dataRef`). Translatable text inside native code (TMX `sub`)
/// travels as part of the original data.
public struct XLIFF20InlineEncoder {
    /// The unit's `<data id>` entries, in order: write them in `<originalData>` before the segments.
    public private(set) var originalData: [OriginalData] = []
    private var nextTag = 1
    private var dataIDs: [String: String] = [:]

    public init() {}

    /// The inline nodes for `text`; ids are unique within the unit this encoder serves.
    public mutating func encode(_ text: TaggedText) -> [XMLNode] {
        var opened: [String: String] = [:]
        return encode(text.runs, partners: text.pairedTagIDs, opened: &opened)
    }

    private mutating func encode(_ runs: [TaggedRun], partners: Set<String>, opened: inout [String: String]) -> [XMLNode] {
        runs.map { run -> XMLNode in
            switch run {
            case let .text(text):
                return .text(text)
            case let .annotation(annotation):
                var attributes = [(name: "id", value: newID("m"))]
                attributes.append(("type", "generic"))
                if let type = annotation.type { attributes.append(("value", type)) }
                return .element(XMLElement(name: "mrk", attributes: attributes,
                                           children: encode(annotation.runs, partners: partners, opened: &opened)))
            case let .tag(tag):
                return .element(element(for: tag, partners: partners, opened: &opened))
            }
        }
    }

    private mutating func element(for tag: InlineTag, partners: Set<String>, opened: inout [String: String]) -> XMLElement {
        var attributes: [(name: String, value: String)] = []
        let paired = !tag.isolated && tag.id.map(partners.contains) == true
        let name: String
        switch tag.role {
        case .standalone:
            name = "ph"
            attributes.append(("id", newID("")))
        case .opening:
            name = "sc"
            let id = newID("")
            attributes.append(("id", id))
            if paired, let key = tag.id { opened[key] = id } else { attributes.append(("isolated", "yes")) }
        case .closing:
            name = "ec"
            if paired, let key = tag.id, let start = opened.removeValue(forKey: key) {
                attributes.append(("startRef", start))
            } else {
                attributes.append(("id", newID("")))
                attributes.append(("isolated", "yes"))
            }
        }
        let native = tag.nativeText
        if !native.isEmpty { attributes.append(("dataRef", dataID(for: native))) }
        if let mapped = InlineTypeMapping.xliff20(tag.type) {
            attributes.append(("type", mapped.type))
            if let subType = mapped.subType { attributes.append(("subType", subType)) }
        }
        return XMLElement(name: name, attributes: attributes)
    }

    private mutating func newID(_ prefix: String) -> String {
        defer { nextTag += 1 }
        return prefix + String(nextTag)
    }

    /// One `<data>` per distinct native code in the unit.
    private mutating func dataID(for native: String) -> String {
        if let id = dataIDs[native] { return id }
        let id = "d\(originalData.count + 1)"
        dataIDs[native] = id
        originalData.append(OriginalData(id: id, text: native))
        return id
    }
}

/// Reads XLIFF 2.0 inline content back into ``TaggedText``.
public enum XLIFF20InlineDecoder {
    /// The content of `element` (a `<source>` or `<target>`), native code looked up in `originalData` (id → text).
    public static func decode(_ element: XMLElement, originalData: [String: String]) -> TaggedText {
        TaggedText(runs: runs(element.children, originalData: originalData))
    }

    private static func runs(_ nodes: [XMLNode], originalData: [String: String]) -> [TaggedRun] {
        nodes.flatMap { node -> [TaggedRun] in
            switch node {
            case let .text(text): return [.text(text)]
            case .comment: return []
            case let .element(element): return runs(of: element, originalData: originalData)
            }
        }
    }

    private static func runs(of element: XMLElement, originalData: [String: String]) -> [TaggedRun] {
        func native(_ reference: String?) -> [NativePiece] {
            reference.flatMap { originalData[$0] }.map { [.code($0)] } ?? []
        }
        let type = InlineTypeMapping.fromXLIFF20(type: element.attribute("type"), subType: element.attribute("subType"))
        switch element.name {
        case "ph":
            return [.tag(InlineTag(role: .standalone, id: element.attribute("id"), type: type, nativeCode: native(element.attribute("dataRef"))))]
        case "sc":
            return [.tag(InlineTag(role: .opening, id: element.attribute("id"), isolated: element.attribute("isolated") == "yes",
                                   type: type, nativeCode: native(element.attribute("dataRef"))))]
        case "ec":
            let isolated = element.attribute("isolated") == "yes"
            return [.tag(InlineTag(role: .closing, id: isolated ? element.attribute("id") : element.attribute("startRef"), isolated: isolated,
                                   type: type, nativeCode: native(element.attribute("dataRef"))))]
        case "pc":
            // A well-formed pair around its content.
            let id = element.attribute("id")
            return [.tag(InlineTag(role: .opening, id: id, type: type, nativeCode: native(element.attribute("dataRefStart"))))]
                + runs(element.children, originalData: originalData)
                + [.tag(InlineTag(role: .closing, id: id, type: type, nativeCode: native(element.attribute("dataRefEnd"))))]
        case "mrk", "sm":
            return [.annotation(InlineAnnotation(id: element.attribute("id"), type: element.attribute("value") ?? element.attribute("type"),
                                                 runs: runs(element.children, originalData: originalData)))]
        default:
            // An element of a module or extension: keep its text.
            return runs(element.children, originalData: originalData)
        }
    }
}

/// One `<data id>` of a unit's `<originalData>`: a native code the inline tags refer to.
public struct OriginalData: Sendable, Equatable {
    public var id: String
    public var text: String
}
