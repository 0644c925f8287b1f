/// ``Segment`` (TMX's inline elements) to and from the format-neutral ``TaggedText``.
/// TMX → TaggedText → TMX gives back the same segment, attribute order included.
extension TaggedText {
    /// The neutral form of a TMX-shaped segment.
    public init(_ segment: Segment) {
        self.init(runs: segment.parts.map(Self.run))
    }

    private static func run(_ part: SegmentPart) -> TaggedRun {
        switch part {
        case let .text(text):
            return .text(text)
        case let .code(code) where code.kind == .hi || code.kind == .sub:
            return .annotation(InlineAnnotation(id: code.attribute("x"), type: code.attribute("type"),
                                                runs: code.content.map(run), tmxElement: code.kind, sourceAttributes: code.attributes))
        case let .code(code):
            return .tag(tag(code))
        }
    }

    private static func tag(_ code: InlineCode) -> InlineTag {
        let native = code.content.map { part -> NativePiece in
            switch part {
            case let .text(text): return .code(text)
            case let .code(sub): return .subflow(Subflow(text: TaggedText(runs: sub.content.map(run)), sourceAttributes: sub.attributes))
            }
        }
        var tag = InlineTag(role: .standalone, type: code.attribute("type"), nativeCode: native, tmxElement: code.kind,
                            sourceAttributes: code.attributes)
        switch code.kind {
        case .bpt: tag.role = .opening; tag.id = code.attribute("i")
        case .ept: tag.role = .closing; tag.id = code.attribute("i")
        case .it:
            tag.role = code.attribute("pos") == "end" ? .closing : .opening
            tag.isolated = true
            tag.id = code.attribute("x")
        case .ph, .ut, .hi, .sub: tag.id = code.attribute("x")
        }
        return tag
    }
}

extension Segment {
    /// The TMX shape of a neutral segment: pairs as `bpt`/`ept` (numbered `i`), isolated
    /// halves as `it`, placeholders as `ph`, annotations as `hi`. A tag read from TMX
    /// keeps its element and attributes.
    public init(_ text: TaggedText) {
        var numbering = PairNumbering()
        self.init(parts: text.runs.map { Self.part($0, numbering: &numbering) })
    }

    /// TMX numbers pairs with integers; other formats' ids are renumbered consistently.
    private struct PairNumbering {
        var assigned: [String: String] = [:]
        mutating func number(for id: String?) -> String {
            let key = id ?? ""
            if let number = assigned[key] { return number }
            let number = id.flatMap { Int($0) }.map(String.init) ?? String(assigned.count + 1)
            assigned[key] = number
            return number
        }
    }

    private static func part(_ run: TaggedRun, numbering: inout PairNumbering) -> SegmentPart {
        switch run {
        case let .text(text):
            return .text(text)
        case let .annotation(annotation):
            let content = annotation.runs.map { part($0, numbering: &numbering) }
            if let element = annotation.tmxElement {
                return .code(InlineCode(kind: element, attributes: annotation.sourceAttributes, content: content))
            }
            var attributes: [Attribute] = []
            if let id = annotation.id, Int(id) != nil { attributes.append(Attribute("x", id)) }
            if let type = annotation.type { attributes.append(Attribute("type", type)) }
            return .code(InlineCode(kind: .hi, attributes: attributes, content: content))
        case let .tag(tag):
            return .code(code(tag, numbering: &numbering))
        }
    }

    private static func code(_ tag: InlineTag, numbering: inout PairNumbering) -> InlineCode {
        let content = tag.nativeCode.map { piece -> SegmentPart in
            switch piece {
            case let .code(text): return .text(text)
            case let .subflow(subflow):
                var inner = PairNumbering()
                return .code(InlineCode(kind: .sub, attributes: subflow.sourceAttributes,
                                        content: subflow.text.runs.map { part($0, numbering: &inner) }))
            }
        }
        if let element = tag.tmxElement {
            return InlineCode(kind: element, attributes: tag.sourceAttributes, content: content)
        }
        var attributes: [Attribute] = []
        let kind: InlineKind
        switch (tag.role, tag.isolated) {
        case (.opening, false), (.closing, false):
            kind = tag.role == .opening ? .bpt : .ept
            attributes.append(Attribute("i", numbering.number(for: tag.id)))
        case (.opening, true), (.closing, true):
            kind = .it
            attributes.append(Attribute("pos", tag.role == .opening ? "begin" : "end"))
        case (.standalone, _):
            kind = .ph
        }
        if let type = tag.type, kind != .ept { attributes.append(Attribute("type", type)) }
        return InlineCode(kind: kind, attributes: attributes, content: content)
    }
}
