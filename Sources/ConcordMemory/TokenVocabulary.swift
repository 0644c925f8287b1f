/// Token keys and the dense ids an index and its verification work on: a table that
/// grows as keys are added, or a frozen one read from an index file.
final class TokenVocabulary {
    private var table = TokenKeyTable()
    private let frozen: TokenKeyTable.Frozen?

    init() {
        frozen = nil
    }

    /// A vocabulary over a frozen table (nothing can be added to it).
    init(frozen: TokenKeyTable.Frozen) {
        self.frozen = frozen
    }

    var count: Int { frozen?.count ?? table.count }

    /// The id of `key`, given the next free id when it is new.
    func id(for key: String) -> Int32 {
        precondition(frozen == nil, "a vocabulary read from an index file is not added to")
        var key = key
        return key.withUTF8 { bytes in
            if let id = table.id(of: bytes) { return id }
            let id = Int32(table.count)
            table.insert(bytes, id: id)
            return id
        }
    }

    /// The id of `key` if it is known.
    func existingID(for key: String) -> Int32? {
        var key = key
        return key.withUTF8 { frozen?.id(of: $0) ?? table.id(of: $0) }
    }

    /// The keys as flat arrays, for an index file.
    func frozenTable() -> TokenKeyTable.Frozen {
        frozen ?? table.frozen()
    }
}
