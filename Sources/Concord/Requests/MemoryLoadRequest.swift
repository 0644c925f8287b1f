import ConcordModel

/// The memories a lookup session searches: files (each with a penalty) and stores, for one language pair.
public struct MemoryLoadRequest: Codable, Sendable, Equatable {
    public var files: [MemoryLookup.Source]
    /// Paths of stores.
    public var stores: [String]
    public var from: LanguageTag
    public var to: LanguageTag

    public init(files: [MemoryLookup.Source] = [], stores: [String] = [], from: LanguageTag, to: LanguageTag) {
        self.files = files
        self.stores = stores
        self.from = from
        self.to = to
    }

    /// The memories indexed for lookups, with what loading them found.
    public func run() throws -> LoadedMemory {
        try MemoryLookup.index(files, stores: stores, from: from, to: to)
    }
}
