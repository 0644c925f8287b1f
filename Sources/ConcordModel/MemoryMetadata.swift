/// What a memory file says about itself, in any format: the tool that made it, the
/// source language, how it was segmented. TMX keeps it in `<header>`; a table has none.
public struct MemoryMetadata: Hashable, Sendable {
    public var creationTool: String?
    public var creationToolVersion: String?
    /// block, paragraph, sentence or phrase.
    public var segmentType: String?
    /// The format the memory came from (free text, e.g. "SDL TM8 Format").
    public var originalFormat: String?
    /// Language of props and notes.
    public var adminLanguage: String?
    /// The source language as written (`*all*`: any language may be the source).
    public var sourceLanguage: String?
    public var dataType: String?
    /// The version of the file's format (TMX's `version`).
    public var formatVersion: String?
    public var info: ChangeInfo
    public var properties: [Property]
    public var notes: [Note]

    public init() {
        info = ChangeInfo()
        properties = []
        notes = []
    }

    /// True for `*all*`: any language can be the source.
    public var isMultilingualSource: Bool { sourceLanguage?.lowercased() == "*all*" }

    /// The source language as a tag, or nil for `*all*` or none.
    public var sourceLanguageTag: LanguageTag? {
        guard let sourceLanguage, !isMultilingualSource, !sourceLanguage.isEmpty else { return nil }
        return LanguageTag(sourceLanguage)
    }
}
