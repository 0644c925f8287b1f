import ConcordModel
import Foundation

/// A store's fuzzy indexes, kept beside it in `<store>.index/`, one file per language pair
/// (see ``StoreIndexFile``): opening a store for lookups maps the file instead of building
/// the index from the store's token rows.
///
/// Always in step with the store: a file is used only when it was built at the store's
/// current generation (every write transaction raises it) and is whole; otherwise the index
/// is rebuilt from the store — with a note saying why — and saved again. Commands that
/// write rebuild the files there are (``refresh(_:adding:)``); files are replaced by a
/// rename, so another process keeps reading the file it mapped.
public enum StoreIndex {
    /// The folder of the index files of the store at `storePath`.
    public static func folder(ofStoreAt storePath: String) -> String { storePath + ".index" }

    static func path(ofStoreAt storePath: String, pair: StoreIndexPair) -> String {
        folder(ofStoreAt: storePath) + "/" + pair.fileName
    }

    /// The index of `pair`: mapped from its file when that is whole and in step with the store,
    /// else built from the store (and saved when its folder can be written).
    static func open(_ store: MemoryStore, pair: StoreIndexPair) throws -> (content: StoreIndexContent, note: StoreIndexNote?) {
        // A store of a layout before generations (read without writing) cannot tell whether a file is current.
        guard let stamp = try store.stamp() else {
            return (try StoreIndexContent.build(from: store, from: pair.from, to: pair.to), nil)
        }
        let path = path(ofStoreAt: store.path, pair: pair)
        let problem: StoreIndexProblem
        do {
            return (try StoreIndexFile.read(path, pair: pair, stamp: stamp), nil)
        } catch {
            problem = error
        }
        let content = try StoreIndexContent.build(from: store, from: pair.from, to: pair.to)
        var note = problem == .missing ? nil : StoreIndexNote(store: store.path, pair: pair, kind: .rebuilt(problem))
        // A pair the store has no entry for (a language typed wrongly) gets no file to keep in step.
        guard content.entries.count > 0 || problem != .missing else { return (content, nil) }
        do {
            try save(content, of: store, pair: pair, builtAt: stamp)
        } catch {
            note = StoreIndexNote(store: store.path, pair: pair, kind: .notSaved(reason: Self.reason(error)))
        }
        return (content, note)
    }

    /// Saves `content` as the index file of `pair`, unless the store changed while it was built.
    private static func save(_ content: StoreIndexContent, of store: MemoryStore, pair: StoreIndexPair, builtAt stamp: StoreStamp) throws {
        guard try store.stamp() == stamp else { return }
        try FileManager.default.createDirectory(atPath: folder(ofStoreAt: store.path), withIntermediateDirectories: true)
        removeAbandonedTemporaryFiles(in: folder(ofStoreAt: store.path))
        try StoreIndexFile.write(content, pair: pair, stamp: stamp, builtAt: Int64(Date().timeIntervalSince1970),
                                 to: path(ofStoreAt: store.path, pair: pair))
    }

    /// Rebuilds the index files of `pairs` from the store (`concord tm reindex`).
    @discardableResult
    public static func rebuild(_ store: MemoryStore, pairs: [StoreIndexPair]) throws -> [StoreIndexState] {
        guard let stamp = try store.stamp() else { throw MemoryStoreError.outdatedForIndex(path: store.path) }
        for pair in pairs {
            let content = try StoreIndexContent.build(from: store, from: pair.from, to: pair.to)
            do {
                try save(content, of: store, pair: pair, builtAt: stamp)
            } catch {
                throw MemoryStoreError.indexNotWritten(path: path(ofStoreAt: store.path, pair: pair), reason: reason(error))
            }
        }
        return try states(of: store).filter { pairs.contains($0.pair) }
    }

    /// After a write: rebuilds every index file the store has, and those of `adding` (an import
    /// indexes its source language against the others), so the next lookup starts at once.
    @discardableResult
    public static func refresh(_ store: MemoryStore, adding: [StoreIndexPair] = []) throws -> [StoreIndexState] {
        let existing = try states(of: store).map(\.pair)
        let pairs = existing + adding.filter { !existing.contains($0) }
        guard !pairs.isEmpty, try store.stamp() != nil else { return [] }
        return try rebuild(store, pairs: pairs)
    }

    /// The index files beside the store and whether each is in step with it.
    public static func states(of store: MemoryStore) throws -> [StoreIndexState] {
        let folder = folder(ofStoreAt: store.path)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        let stamp = try store.stamp()
        return names.compactMap { name in
            guard let pair = StoreIndexPair(fileName: name) else { return nil }
            return StoreIndexState(pair: pair, path: folder + "/" + name, store: stamp)
        }
    }

    /// Removes the temporary files of writers that were killed (Ctrl-C during an import's
    /// indexing): their names carry the writer's process id, and that process is gone.
    private static func removeAbandonedTemporaryFiles(in folder: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasSuffix(".tmp") {
            let parts = name.split(separator: ".")
            guard parts.count >= 4, let pid = Int32(parts[parts.count - 3]), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
        }
    }

    static func reason(_ error: Error) -> String {
        if let error = error as? CocoaError, let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return "\(error)"
    }
}

/// What opening a store's index had to do, for a message.
public struct StoreIndexNote: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The file could not be used (why): the index was rebuilt from the store and saved.
        case rebuilt(StoreIndexProblem)
        /// The index was built but could not be saved (why): the next start builds it again.
        case notSaved(reason: String)
    }

    public var store: String
    public var pair: StoreIndexPair
    public var kind: Kind

    /// The sentence a user reads.
    public var message: String {
        switch kind {
        case let .rebuilt(problem): "the index for \(pair) was rebuilt from the store: \(problem)"
        case let .notSaved(reason): "the index for \(pair) could not be saved in \(StoreIndex.folder(ofStoreAt: store)) (\(reason)); it is built again at every start"
        }
    }
}
