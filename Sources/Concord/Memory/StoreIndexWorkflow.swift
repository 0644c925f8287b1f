import ConcordMemory
import ConcordModel
import Foundation

/// `concord tm stats` (the index part) and `concord tm reindex`: a store's index files, and
/// keeping them in step after a command writes the store.
public enum StoreIndexWorkflow {
    /// One index file, as reported.
    public struct IndexReport: Codable, Sendable, Equatable {
        public var from: String
        public var to: String
        public var file: String
        public var bytes: Int
        /// The store generation the file was built at.
        public var generation: Int64?
        /// When it was built (ISO 8601, UTC).
        public var built: String?
        /// `current` (the next lookup maps it) or `rebuilt at next use`.
        public var state: String
        /// Why it will be rebuilt (nil when current).
        public var problem: String?

        init(_ state: StoreIndexState) {
            from = state.pair.from.canonical
            to = state.pair.to.canonical
            file = state.path
            bytes = state.bytes
            generation = state.generation
            built = state.builtAt.map { Timestamp(secondsSinceEpoch: $0).isoString }
            self.state = state.isCurrent ? "current" : "rebuilt at next use"
            problem = state.problem?.description
        }
    }

    /// What `tm stats` reports: the units and languages, the store's generation and its index files.
    public struct StoreReport: Codable, Sendable, Equatable {
        public var units: Int
        public var languages: [String: Int]
        /// Raised by every write (nil for a store of an older layout).
        public var generation: Int64?
        public var indexes: [IndexReport]
    }

    /// The store's statistics with its index files.
    public static func report(_ store: MemoryStore) throws -> StoreReport {
        let statistics = try store.statistics()
        return StoreReport(units: statistics.units, languages: statistics.languages, generation: try store.stamp()?.generation,
                           indexes: try StoreIndex.states(of: store).map(IndexReport.init))
    }

    /// Rebuilds the index files of `pairs`; with none given, those the store has, else the
    /// store's common source language against each other language, else every ordered pair.
    public static func reindex(_ store: MemoryStore, pairs: [StoreIndexPair] = []) throws -> [IndexReport] {
        var wanted = pairs
        if wanted.isEmpty { wanted = try StoreIndex.states(of: store).map(\.pair) }
        let languages = try store.languages().map { LanguageTag($0.tag) }
        if wanted.isEmpty, let source = try store.commonSourceLanguage().map(LanguageTag.init) {
            wanted = languages.filter { !source.matches($0) }.map { StoreIndexPair(from: source, to: $0) }
        }
        if wanted.isEmpty {
            wanted = languages.flatMap { from in languages.filter { $0 != from }.map { StoreIndexPair(from: from, to: $0) } }
        }
        return try StoreIndex.rebuild(store, pairs: wanted).map(IndexReport.init)
    }

    /// After a command wrote the store: rebuilds the index files it has, and those of the
    /// `sources` (the imported files' source languages) against the other languages. The write
    /// stands whatever happens here: a failure is a warning (the next lookup rebuilds the index).
    static func refresh(_ store: MemoryStore, sources: [LanguageTag] = []) -> [Diagnostic] {
        do {
            let languages = try store.languages().map { LanguageTag($0.tag) }
            var adding: [StoreIndexPair] = []
            for source in Set(sources) {
                guard languages.contains(where: { source.matches($0) }) else { continue }
                adding += languages.filter { !source.matches($0) }.map { StoreIndexPair(from: source, to: $0) }
            }
            try StoreIndex.refresh(store, adding: adding)
            return []
        } catch {
            return [Diagnostic(DiagnosticCatalog.memoryIndexNotSaved,
                               message: "the store was written, but its index could not be brought up to date (\(error)); the next lookup rebuilds it",
                               file: store.path)]
        }
    }
}
