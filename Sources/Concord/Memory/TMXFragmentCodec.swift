import ConcordFormats
import ConcordMemory
import ConcordModel
import Foundation

/// Keeps each unit of a memory store as its own `<tu>` element: lossless, and
/// readable with any XML tool should the store ever need rescuing.
/// One writer serves every unit, behind a lock: an import encodes on its
/// reading thread while merges encode on the database thread.
public final class TMXFragmentCodec: UnitCodec, @unchecked Sendable {
    private let encoder: TMXFragment.Encoder
    private let lock = NSLock()

    public init() throws {
        encoder = try TMXFragment.Encoder()
    }

    public func encode(_ unit: TranslationUnit) throws -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        return try encoder.encode(unit)
    }

    public func decode(_ bytes: [UInt8]) throws -> TranslationUnit {
        guard let unit = try TMXFragment.decode([bytes]).first else {
            throw MemoryStoreError.corrupt(path: "memory store", detail: "a stored unit is empty")
        }
        return unit
    }

    /// One document for the whole batch: one parser instead of one per unit.
    public func decode(batch: [[UInt8]]) throws -> [TranslationUnit] {
        let units = try TMXFragment.decode(batch)
        guard units.count == batch.count else {
            throw MemoryStoreError.corrupt(path: "memory store", detail: "\(batch.count) stored units read back as \(units.count)")
        }
        return units
    }
}

extension MemoryStore {
    /// Opens the store at `path`, units kept as TMX; `.readWrite` creates it if need be.
    public convenience init(path: String, access: Access = .readWrite) throws {
        try self.init(path: path, codec: try TMXFragmentCodec(), access: access)
    }
}
