import ConcordModel
import GRDB

/// Errors of the memory store.
public enum MemoryStoreError: Error, Sendable, CustomStringConvertible {
    /// SQLite failed in a way not named below; `cause` is GRDB's error, `message` says it in the store's terms.
    case database(path: String, message: String, cause: DatabaseError?)
    case missingUnit(path: String, id: Int64)
    case corrupt(path: String, detail: String)
    /// The file is not a Concord store (another program's database, a TMX file, random bytes).
    case notAStore(path: String, reason: String)
    /// A command that only reads was given a store that does not exist.
    case missingStore(path: String)
    /// The store cannot be created or changed (a missing folder, read-only).
    case cannotWrite(path: String, reason: String)
    /// Another process held the store's write lock past the busy timeout.
    case busy(path: String)
    /// The store predates generations, so an index file could not be kept in step with it.
    case outdatedForIndex(path: String)
    /// An index file could not be written beside the store (the system's reason).
    case indexNotWritten(path: String, reason: String)

    public var description: String {
        switch self {
        case let .database(path, message, _): return "\(path): memory store error: \(message)"
        case let .missingUnit(path, id): return "\(path): no unit \(id) in the memory store"
        case let .corrupt(path, detail): return "\(path): the memory store is damaged: \(detail)"
        case let .notAStore(path, reason): return "\(path): not a Concord memory store: \(reason)"
        case let .missingStore(path): return "\(path): no such memory store (make one with concord tm import)"
        case let .cannotWrite(path, reason): return "\(path): cannot write the memory store: \(reason)"
        case let .busy(path): return "\(path): another process is writing to the memory store; try again when it has finished"
        case let .outdatedForIndex(path):
            return "\(path): the store was made by an older Concord and keeps no index on disk; bring it up to date by importing into it once"
        case let .indexNotWritten(path, reason): return "\(path): cannot write the index file: \(reason)"
        }
    }

    /// SQLite's error in the store's terms.
    static func from(_ error: DatabaseError, path: String) -> MemoryStoreError {
        let message = error.message ?? String(describing: error)
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path)
        case .SQLITE_NOTADB: return .notAStore(path: path, reason: "not an SQLite database")
        case .SQLITE_CORRUPT: return .corrupt(path: path, detail: message)
        case .SQLITE_READONLY: return .cannotWrite(path: path, reason: "the store or its folder is read-only")
        case .SQLITE_CANTOPEN: return .cannotWrite(path: path, reason: "cannot open the file (does its folder exist and may it be written?)")
        case .SQLITE_FULL:
            return .database(path: path, message: "the disk is full; the store is as it was before this command (free some space and run it again)", cause: error)
        default: return .database(path: path, message: message, cause: error)
        }
    }
}
