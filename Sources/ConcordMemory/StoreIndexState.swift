import Foundation

/// One index file of a store, as `concord tm stats` shows it.
public struct StoreIndexState: Sendable, Equatable {
    public var pair: StoreIndexPair
    public var path: String
    /// The file's size in bytes.
    public var bytes: Int
    /// The store generation the file was built at (nil when its header cannot be read).
    public var generation: Int64?
    /// When it was built (seconds since 1970).
    public var builtAt: Int64?
    /// Why it would not be used (nil when it is current; its sections are not read here).
    public var problem: StoreIndexProblem?

    /// True when the next lookup maps the file.
    public var isCurrent: Bool { problem == nil }

    init(pair: StoreIndexPair, path: String, store: StoreStamp?) {
        self.pair = pair
        self.path = path
        bytes = ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int) ?? 0
        do {
            let header = try StoreIndexFile.header(of: path)
            generation = header.stamp.generation
            builtAt = header.builtAt
            if let store, header.stamp.identity != store.identity {
                problem = .otherStore
            } else if let store, header.stamp.generation != store.generation {
                problem = .stale(index: header.stamp.generation, store: store.generation)
            }
        } catch {
            problem = error
        }
    }
}
