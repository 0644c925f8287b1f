/// A typed property (`<prop type="x-client">SCO</prop>`). Tools rely on
/// their props, so they are kept verbatim and in order.
public struct Property: Hashable, Sendable, Codable {
    public var type: String
    public var value: String
    /// `xml:lang` of the prop, when given.
    public var language: String?
    public var encoding: String?

    public init(type: String, value: String, language: String? = nil, encoding: String? = nil) {
        self.type = type
        self.value = value
        self.language = language
        self.encoding = encoding
    }
}

/// A free-text note.
public struct Note: Hashable, Sendable, Codable {
    public var text: String
    public var language: String?
    public var encoding: String?

    public init(_ text: String, language: String? = nil, encoding: String? = nil) {
        self.text = text
        self.language = language
        self.encoding = encoding
    }
}

/// Who made or changed something, and when (the attributes TMX puts on
/// header, tu and tuv alike).
public struct ChangeInfo: Hashable, Sendable {
    public var creationDate: Timestamp?
    public var creationID: String?
    public var changeDate: Timestamp?
    public var changeID: String?
    public var creationTool: String?
    public var creationToolVersion: String?
    public var lastUsageDate: Timestamp?
    public var usageCount: Int?
    public var originalEncoding: String?
    public var dataType: String?
    public var originalFormat: String?

    public init() {}

    /// The newest of change and creation date.
    public var latestDate: Timestamp? {
        switch (changeDate, creationDate) {
        case let (change?, creation?): return max(change, creation)
        case let (change, creation): return change ?? creation
        }
    }
}

/// One language version of a unit (a TMX `tuv`).
public struct Variant: Hashable, Sendable {
    public var language: LanguageTag
    public var segment: Segment
    public var info: ChangeInfo
    public var properties: [Property]
    public var notes: [Note]
    /// Attributes Concord does not model, kept for the round trip.
    public var otherAttributes: [Attribute]

    public init(language: LanguageTag, segment: Segment, info: ChangeInfo = ChangeInfo(),
                properties: [Property] = [], notes: [Note] = [], otherAttributes: [Attribute] = []) {
        self.language = language
        self.segment = segment
        self.info = info
        self.properties = properties
        self.notes = notes
        self.otherAttributes = otherAttributes
    }
}

/// A translation unit: one meaning in several languages (a TMX `tu`).
/// Variants stay in document order; two variants of one language are both kept.
public struct TranslationUnit: Hashable, Sendable {
    public var tuid: String?
    /// The unit's own source language, overriding the header's.
    public var sourceLanguage: LanguageTag?
    public var segmentType: String?
    public var info: ChangeInfo
    public var properties: [Property]
    public var notes: [Note]
    public var variants: [Variant]
    public var otherAttributes: [Attribute]
    /// Line in the file the unit was read from, for messages.
    public var line: Int?

    public init(tuid: String? = nil, sourceLanguage: LanguageTag? = nil, segmentType: String? = nil, info: ChangeInfo = ChangeInfo(),
                properties: [Property] = [], notes: [Note] = [], variants: [Variant] = [], otherAttributes: [Attribute] = [], line: Int? = nil) {
        self.tuid = tuid
        self.sourceLanguage = sourceLanguage
        self.segmentType = segmentType
        self.info = info
        self.properties = properties
        self.notes = notes
        self.variants = variants
        self.otherAttributes = otherAttributes
        self.line = line
    }

    /// The first variant whose language `pattern` covers (`en` finds `en-GB`).
    public func variant(for pattern: LanguageTag) -> Variant? {
        variants.first { pattern.matches($0.language) }
    }

    /// Every variant whose language `pattern` covers.
    public func variants(for pattern: LanguageTag) -> [Variant] {
        variants.filter { pattern.matches($0.language) }
    }

    /// The languages present, in order of first appearance.
    public var languages: [LanguageTag] {
        var seen: Set<LanguageTag> = []
        return variants.compactMap { seen.insert($0.language).inserted ? $0.language : nil }
    }

    /// The project-wide duplicate rule: two units are the same when their
    /// variants' comparison keys (language, plain text, code kinds) are equal.
    public var duplicateKey: DuplicateKey {
        DuplicateKey(variants: variants.map { VariantKey(language: $0.language.canonical.lowercased(), key: $0.segment.comparisonKey) }
            .sorted { ($0.language, $0.key.text) < ($1.language, $1.key.text) })
    }

    /// The newest date on the unit or any of its variants.
    public var latestDate: Timestamp? {
        ([info.latestDate] + variants.map(\.info.latestDate)).compactMap { $0 }.max()
    }

    /// Folds a duplicate into this unit: the newer change date wins (with its
    /// variants' metadata), props and notes become the union, in order.
    public mutating func merge(_ other: TranslationUnit) {
        let otherIsNewer = (other.latestDate ?? Timestamp(secondsSinceEpoch: .min)) > (latestDate ?? Timestamp(secondsSinceEpoch: .min))
        var merged = otherIsNewer ? other : self
        let older = otherIsNewer ? self : other
        merged.properties = Self.union(merged.properties, older.properties)
        merged.notes = Self.union(merged.notes, older.notes)
        if merged.tuid == nil { merged.tuid = older.tuid }
        for index in merged.variants.indices {
            if let match = older.variants.first(where: { $0.language == merged.variants[index].language
                && $0.segment.comparisonKey == merged.variants[index].segment.comparisonKey }) {
                merged.variants[index].properties = Self.union(merged.variants[index].properties, match.properties)
                merged.variants[index].notes = Self.union(merged.variants[index].notes, match.notes)
            }
        }
        merged.line = line
        self = merged
    }

    private static func union<T: Hashable>(_ first: [T], _ second: [T]) -> [T] {
        var seen = Set(first)
        return first + second.filter { seen.insert($0).inserted }
    }
}

/// See ``TranslationUnit/duplicateKey``.
public struct DuplicateKey: Hashable, Sendable {
    let variants: [VariantKey]

    /// The key as one string, stable across runs (for storing in a database).
    public var stableString: String {
        variants.map { $0.language + "\u{1}" + $0.key.text + "\u{1}" + $0.key.codes.map(\.rawValue).joined(separator: ",") }
            .joined(separator: "\u{2}")
    }
}

struct VariantKey: Hashable, Sendable {
    let language: String
    let key: ComparisonKey
}
