/// A segment as every exchange format can hold it: text runs, inline tags and
/// annotated spans. TMX (`bpt`/`ept`/`it`/`ph`/`hi`/`ut`), XLIFF 2.0
/// (`sc`/`ec`/`pc`/`ph`/`mrk`) and XLIFF 1.2 (`bpt`/`ept`/`it`/`ph`/`g`/`bx`/`ex`/`x`/`mrk`)
/// all map to and from it; ``Segment`` (TMX's shape, which the store keeps) maps
/// to it and back without loss.
public struct TaggedText: Hashable, Sendable, Codable {
    public var runs: [TaggedRun]

    public init(runs: [TaggedRun]) {
        self.runs = runs
    }

    /// The text a translator reads: text runs and annotated text, without native codes.
    public var plainText: String {
        runs.map { run -> String in
            switch run {
            case let .text(text): return text
            case .tag: return ""
            case let .annotation(annotation): return TaggedText(runs: annotation.runs).plainText
            }
        }.joined()
    }

    /// Ids of the pairs complete in this text: an opening whose closing (same id) follows it.
    /// A half whose partner is not here is written as isolated by formats that pair tags.
    public var pairedTagIDs: Set<String> {
        var open: Set<String> = []
        var paired: Set<String> = []
        for tag in allTags where !tag.isolated {
            guard let id = tag.id else { continue }
            switch tag.role {
            case .opening: open.insert(id)
            case .closing: if open.remove(id) != nil { paired.insert(id) }
            case .standalone: break
            }
        }
        return paired
    }

    /// Every tag, those inside annotations included, in document order.
    public var allTags: [InlineTag] {
        runs.flatMap { run -> [InlineTag] in
            switch run {
            case .text: return []
            case let .tag(tag): return [tag]
            case let .annotation(annotation): return TaggedText(runs: annotation.runs).allTags
            }
        }
    }
}

/// A piece of a ``TaggedText``.
public indirect enum TaggedRun: Hashable, Sendable, Codable {
    case text(String)
    case tag(InlineTag)
    /// Marked text that is not a native code (a term, a name): TMX `hi`, XLIFF `mrk`.
    case annotation(InlineAnnotation)
}

/// An inline code: the opening or closing half of a pair, or a standalone placeholder.
public struct InlineTag: Hashable, Sendable, Codable {
    public enum Role: String, Hashable, Sendable, Codable {
        case opening, closing, standalone
    }

    public var role: Role
    /// Pairs an opening with its closing (TMX `i` or `x`, XLIFF `id`/`startRef`/`rid`); nil when the source gave none.
    public var id: String?
    /// True when the partner is in another segment (TMX `it`, XLIFF 2.0 `isolated="yes"`, XLIFF 1.2 `it`).
    public var isolated: Bool
    /// What the code stands for, in TMX's words (`bold`, `italic`, `ulined`, `link`, `x-…`).
    public var type: String?
    /// The original markup (`<b>`, `{\b `), with any translatable text inside it.
    public var nativeCode: [NativePiece]
    /// The TMX element the tag was read from, so that TMX → tag → TMX gives it back (`ut` stays `ut`).
    public var tmxElement: InlineKind?
    /// Every attribute as the source wrote it, in order, for a lossless way back to that format.
    public var sourceAttributes: [Attribute]

    public init(role: Role, id: String? = nil, isolated: Bool = false, type: String? = nil, nativeCode: [NativePiece] = [],
                tmxElement: InlineKind? = nil, sourceAttributes: [Attribute] = []) {
        self.role = role
        self.id = id
        self.isolated = isolated
        self.type = type
        self.nativeCode = nativeCode
        self.tmxElement = tmxElement
        self.sourceAttributes = sourceAttributes
    }

    /// The native code as one string, translatable pieces included.
    public var nativeText: String {
        nativeCode.map { piece -> String in
            switch piece {
            case let .code(code): return code
            case let .subflow(subflow): return subflow.text.plainText
            }
        }.joined()
    }
}

/// Part of a tag's original markup: code, or translatable text inside it (TMX and XLIFF 1.2 `sub`).
public indirect enum NativePiece: Hashable, Sendable, Codable {
    case code(String)
    case subflow(Subflow)
}

/// Translatable text inside native code (a footnote, an ALT attribute).
public struct Subflow: Hashable, Sendable, Codable {
    public var text: TaggedText
    public var sourceAttributes: [Attribute]

    public init(text: TaggedText, sourceAttributes: [Attribute] = []) {
        self.text = text
        self.sourceAttributes = sourceAttributes
    }
}

/// Marked text: TMX `hi`, XLIFF `mrk`.
public struct InlineAnnotation: Hashable, Sendable, Codable {
    public var id: String?
    public var type: String?
    public var runs: [TaggedRun]
    /// The TMX element it was read from (`hi`, or a `sub` standing where TMX does not put one).
    public var tmxElement: InlineKind?
    public var sourceAttributes: [Attribute]

    public init(id: String? = nil, type: String? = nil, runs: [TaggedRun], tmxElement: InlineKind? = nil, sourceAttributes: [Attribute] = []) {
        self.id = id
        self.type = type
        self.runs = runs
        self.tmxElement = tmxElement
        self.sourceAttributes = sourceAttributes
    }
}
