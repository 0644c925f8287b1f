import ConcordModel

/// The header of a TMX document: what any memory says about itself (``MemoryMetadata``,
/// whose fields read and write through the header: `header.creationTool`), plus what only
/// TMX holds.
@dynamicMemberLookup
public struct TMXHeader: Hashable, Sendable {
    /// What every memory format can say (`version` is the root's `version` attribute).
    public var metadata: MemoryMetadata
    public var userDefinedEncodings: [UserDefinedEncoding]
    /// Attributes TMX does not define (t5memory's `gitCommit`), kept for the round trip.
    public var otherAttributes: [Attribute]

    public init() {
        metadata = MemoryMetadata()
        userDefinedEncodings = []
        otherAttributes = []
    }

    /// A header carrying `metadata` and nothing TMX-only.
    public init(metadata: MemoryMetadata) {
        self.init()
        self.metadata = metadata
    }

    public subscript<Value>(dynamicMember field: WritableKeyPath<MemoryMetadata, Value>) -> Value {
        get { metadata[keyPath: field] }
        set { metadata[keyPath: field] = newValue }
    }

    public subscript<Value>(dynamicMember field: KeyPath<MemoryMetadata, Value>) -> Value {
        metadata[keyPath: field]
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
