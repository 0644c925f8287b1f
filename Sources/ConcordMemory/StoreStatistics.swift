/// What `tm stats` reports about a store.
public struct StoreStatistics: Codable, Sendable, Equatable {
    public var units: Int
    /// Variants per language tag, as stored.
    public var languages: [String: Int]

    public init(units: Int, languages: [String: Int]) {
        self.units = units
        self.languages = languages
    }
}

/// A language of a store and how many variants it has.
public struct StoredLanguage: Codable, Sendable, Equatable {
    /// The tag as stored.
    public var tag: String
    public var variants: Int
}
