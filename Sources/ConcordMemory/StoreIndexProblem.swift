/// Why a store's index file cannot be used as it is: it is then rebuilt from the store's
/// token rows (never used half-right).
public enum StoreIndexProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// There is no index file for the pair yet.
    case missing
    /// The file could not be opened or read (the system's reason).
    case unreadable(String)
    /// The file is not a Concord index file.
    case notAnIndex
    /// The file was written by a Concord with another index format.
    case otherFormat(UInt64)
    /// The file was built for another store (one since replaced by a copy of another).
    case otherStore
    /// The file was built for another language pair.
    case otherPair(String)
    /// The store has been written since the file was built.
    case stale(index: Int64, store: Int64)
    /// The file ends before the named part does.
    case truncated(section: String)
    /// The named part's bytes are not those written (checksum) or do not fit together.
    case damaged(section: String)

    public var description: String {
        switch self {
        case .missing: "there is no index file yet"
        case let .unreadable(reason): "the index file cannot be read (\(reason))"
        case .notAnIndex: "the index file is not a Concord index"
        case let .otherFormat(version): "the index file has format \(version), this Concord writes \(StoreIndexFile.formatVersion)"
        case .otherStore: "the index file was built for another store"
        case let .otherPair(pair): "the index file was built for the pair \(pair)"
        case let .stale(index, store): "the store has changed since the index was built (store generation \(store), index \(index))"
        case let .truncated(section): "the index file is cut short (in its \(section))"
        case let .damaged(section): "the index file is damaged (its \(section) does not match its checksum)"
        }
    }
}
