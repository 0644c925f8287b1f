import ConcordFormats
import ConcordMemory
import ConcordModel

/// Keeps each unit of a memory store as its own `<tu>` element: lossless, and
/// readable with any XML tool should the store ever need rescuing.
public struct TMXFragmentCodec: UnitCodec {
    public init() {}

    public func encode(_ unit: TranslationUnit) throws -> [UInt8] {
        try TMXFragment.encode(unit)
    }

    public func decode(_ bytes: [UInt8]) throws -> TranslationUnit {
        guard let unit = try TMXFragment.decode([bytes]).first else {
            throw MemoryStoreError.corrupt(path: "memory store", detail: "a stored unit is empty")
        }
        return unit
    }
}

extension MemoryStore {
    /// Opens (or creates) the store at `path`, units kept as TMX.
    public convenience init(path: String) throws {
        try self.init(path: path, codec: TMXFragmentCodec())
    }
}
