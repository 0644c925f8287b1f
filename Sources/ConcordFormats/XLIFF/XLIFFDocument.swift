import ConcordModel

/// A bilingual document for CAT tools, as Concord writes and reads XLIFF 2.0 and 1.2: files of
/// groups (paragraphs) of units (segments), each with its source, its target when there is one,
/// the memory matches and glossary entries that help translate it, and whether it is locked.
public struct XLIFFDocument: Sendable, Equatable {
    public var version: XLIFFVersion
    public var sourceLanguage: LanguageTag
    public var targetLanguage: LanguageTag?
    public var files: [XLIFFFile]

    public init(version: XLIFFVersion, sourceLanguage: LanguageTag, targetLanguage: LanguageTag?, files: [XLIFFFile]) {
        self.version = version
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.files = files
    }

    /// Every unit of every file, in document order.
    public var units: [XLIFFUnit] { files.flatMap { $0.groups.flatMap(\.units) } }
}

public enum XLIFFVersion: String, Sendable, Equatable, CaseIterable, Codable {
    case v2_0 = "2.0"
    case v1_2 = "1.2"
}

/// One original document: its name, its format, and a skeleton (the original with a marker
/// where each unit's text stood) from which the translated document is rebuilt.
public struct XLIFFFile: Sendable, Equatable {
    public var id: String
    public var original: String
    /// `txt`, `md` or `html`.
    public var format: String
    public var skeleton: String?
    public var groups: [XLIFFGroup]

    public init(id: String, original: String, format: String, skeleton: String? = nil, groups: [XLIFFGroup]) {
        self.id = id
        self.original = original
        self.format = format
        self.skeleton = skeleton
        self.groups = groups
    }

    /// The marker the skeleton holds where a unit's text belongs.
    public static func marker(unit id: String) -> String { "{{concord:\(id)}}" }
}

/// A paragraph (or heading) of the original.
public struct XLIFFGroup: Sendable, Equatable {
    public var id: String
    public var units: [XLIFFUnit]

    public init(id: String, units: [XLIFFUnit]) {
        self.id = id
        self.units = units
    }
}

/// The state of a unit's translation (XLIFF 2.0's names; 1.2's are mapped onto them).
public enum XLIFFState: String, Sendable, Equatable, CaseIterable, Codable {
    case initial, translated, reviewed, final
}

public struct XLIFFUnit: Sendable, Equatable {
    public var id: String
    /// The text without inline codes.
    public var source: String
    public var target: String?
    /// Source and target with their inline codes (`pc`/`ph`/`sc`/`ec` in 2.0, `bpt`/`ept`/`ph`/`g`/`x` in 1.2), nil without codes.
    public var sourceCodes: TaggedText?
    public var targetCodes: TaggedText?
    public var state: XLIFFState
    /// False for a locked unit (a context or exact match a CAT tool should leave alone).
    public var translate: Bool
    public var matches: [XLIFFMatch]
    public var glossary: [XLIFFGlossEntry]
    public var notes: [String]

    /// Whether the target is a translation to use: its state is one of `states`, or — when
    /// `states` is nil, the default — translated, reviewed or final, or initial with a target
    /// that differs from the source (OmegaT 3.6 fills targets in without changing their state;
    /// a target equal to the source in state initial is an untouched copy).
    public func isTranslated(states: Set<XLIFFState>? = nil) -> Bool {
        guard let target, !target.isEmpty else { return false }
        if let states { return states.contains(state) }
        return state != .initial || target != source
    }

    public init(id: String, source: String, target: String? = nil, state: XLIFFState = .initial, translate: Bool = true,
                matches: [XLIFFMatch] = [], glossary: [XLIFFGlossEntry] = [], notes: [String] = []) {
        self.id = id
        self.source = source
        self.target = target
        self.state = state
        self.translate = translate
        self.matches = matches
        self.glossary = glossary
        self.notes = notes
    }
}

/// A translation memory match offered for a unit.
public struct XLIFFMatch: Sendable, Equatable {
    /// 0–100 (context matches are given as 100 with `context`).
    public var similarity: Double
    public var context: Bool
    public var origin: String
    public var source: String
    public var target: String

    public init(similarity: Double, context: Bool = false, origin: String, source: String, target: String) {
        self.similarity = similarity
        self.context = context
        self.origin = origin
        self.source = source
        self.target = target
    }
}

/// A glossary entry for a term in the unit's source.
public struct XLIFFGlossEntry: Sendable, Equatable {
    public struct Translation: Sendable, Equatable {
        public var text: String
        /// Deprecated, superseded or forbidden: shown so that a translator avoids it.
        public var deprecated: Bool

        public init(text: String, deprecated: Bool = false) {
            self.text = text
            self.deprecated = deprecated
        }
    }

    public var term: String
    public var origin: String
    public var translations: [Translation]

    public init(term: String, origin: String, translations: [Translation]) {
        self.term = term
        self.origin = origin
        self.translations = translations
    }
}
