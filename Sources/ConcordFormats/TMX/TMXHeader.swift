import ConcordModel

/// The header of a TMX document: where it came from and how to read it.
public struct TMXHeader: Hashable, Sendable {
    public var creationTool: String?
    public var creationToolVersion: String?
    /// block, paragraph, sentence or phrase.
    public var segmentType: String?
    /// The original translation-memory format (free text, e.g. "SDL TM8 Format").
    public var originalFormat: String?
    /// Language of props and notes.
    public var adminLanguage: String?
    /// The source language as written (`*all*` means any language may be the source).
    public var sourceLanguage: String?
    public var dataType: String?
    public var info: ChangeInfo
    public var properties: [Property]
    public var notes: [Note]
    public var userDefinedEncodings: [UserDefinedEncoding]
    /// Attributes TMX does not define (t5memory's `gitCommit`), kept for the round trip.
    public var otherAttributes: [Attribute]
    /// The `version` attribute of the root element.
    public var version: String?

    public init() {
        info = ChangeInfo()
        properties = []
        notes = []
        userDefinedEncodings = []
        otherAttributes = []
    }

    /// A header carrying `metadata` (what every memory format can say) and nothing TMX-only.
    public init(metadata: MemoryMetadata) {
        self.init()
        creationTool = metadata.creationTool
        creationToolVersion = metadata.creationToolVersion
        segmentType = metadata.segmentType
        originalFormat = metadata.originalFormat
        adminLanguage = metadata.adminLanguage
        sourceLanguage = metadata.sourceLanguage
        dataType = metadata.dataType
        version = metadata.formatVersion
        info = metadata.info
        properties = metadata.properties
        notes = metadata.notes
    }

    /// What the header says that any memory format can say.
    public var metadata: MemoryMetadata {
        var metadata = MemoryMetadata()
        metadata.creationTool = creationTool
        metadata.creationToolVersion = creationToolVersion
        metadata.segmentType = segmentType
        metadata.originalFormat = originalFormat
        metadata.adminLanguage = adminLanguage
        metadata.sourceLanguage = sourceLanguage
        metadata.dataType = dataType
        metadata.formatVersion = version
        metadata.info = info
        metadata.properties = properties
        metadata.notes = notes
        return metadata
    }

    /// True for `srclang="*all*"`: any language can be the source.
    public var isMultilingualSource: Bool { sourceLanguage?.lowercased() == "*all*" }

    /// The source language as a tag, or nil for `*all*` or none.
    public var sourceLanguageTag: LanguageTag? {
        guard let sourceLanguage, !isMultilingualSource, !sourceLanguage.isEmpty else { return nil }
        return LanguageTag(sourceLanguage)
    }
}

/// A `ude` element: user-defined characters and how they map.
public struct UserDefinedEncoding: Hashable, Sendable {
    public var name: String
    public var base: String?
    /// Each `map` element's attributes (unicode, code, ent, subst), in order.
    public var maps: [[Attribute]]

    public init(name: String, base: String? = nil, maps: [[Attribute]] = []) {
        self.name = name
        self.base = base
        self.maps = maps
    }
}
