/// Token keys and the dense ids an index and its verification work on.
final class TokenVocabulary {
    private var table = TokenKeyTable()

    init() {}

    var count: Int { table.count }

    /// The id of `key`, given the next free id when it is new.
    func id(for key: String) -> Int32 {
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
        return key.withUTF8 { table.id(of: $0) }
    }
}
