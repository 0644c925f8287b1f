import Foundation

/// What lies at a store's path before SQLite opens it: Concord must not turn
/// another program's database, a TMX file or random bytes into a store.
enum StoreFile {
    /// Concord's `PRAGMA application_id` ("Cncd"), stamped on every store it makes or adopts.
    static let applicationID: Int32 = 0x436E_6364

    enum Kind: Equatable {
        case missing
        /// Zero bytes, as `mktemp` makes: may become a new store.
        case empty
        case directory
        /// An SQLite database and its application id (0 when none was set).
        case sqlite(applicationID: Int32)
        /// Anything else, with what it looks like.
        case other(looksLike: String)
        /// Exists but cannot be read: SQLite will say why.
        case unreadable
    }

    static func inspect(_ path: String) -> Kind {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
        if isDirectory.boolValue { return .directory }
        guard let handle = FileHandle(forReadingAtPath: path) else { return .unreadable }
        defer { try? handle.close() }
        let head: Data
        do {
            head = try handle.read(upToCount: 512) ?? Data()     // nil at the end of the file
        } catch {
            return .unreadable
        }
        if head.isEmpty { return .empty }
        let bytes = [UInt8](head)
        if bytes.count >= 100, bytes.starts(with: Array("SQLite format 3\0".utf8)) {
            let id = bytes[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            return .sqlite(applicationID: Int32(bitPattern: id))
        }
        return .other(looksLike: describe(bytes, path: path))
    }

    /// A plain description of a file that is not a store, with what to do instead.
    private static func describe(_ bytes: [UInt8], path: String) -> String {
        let text = String(decoding: bytes, as: UTF8.self).lowercased()
        if text.contains("<tmx") || path.lowercased().hasSuffix(".tmx") {
            return "this is a TMX file: use --tm \(path), or import it with concord tm import \(path) --db STORE"
        }
        if bytes.contains(0) { return "it looks like binary data, not an SQLite database" }
        return "it is a text file, not an SQLite database"
    }

    /// The SQLite URI that opens `path` read-only without locks or shared memory (`immutable=1`):
    /// for a store in a folder that cannot be written, where SQLite cannot make the `-shm` file
    /// that WAL mode needs. A writer elsewhere would go unseen, but nobody can write there.
    static func immutableURI(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        // The three characters a URI path cannot hold as they are.
        let escapes: [Unicode.Scalar: String] = ["%": "%25", "?": "%3F", "#": "%23"]
        let encoded = absolute.unicodeScalars.map { escapes[$0] ?? String($0) }.joined()
        return "file:\(encoded)?immutable=1"
    }
}
