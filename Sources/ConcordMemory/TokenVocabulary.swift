/// Token keys and the dense ids an index and its verification work on.
public final class TokenVocabulary {
    private var ids: [TokenKey: Int32] = [:]

    public init() {}

    public var count: Int { ids.count }

    /// The id of `key`, given the next free id when it is new.
    public func id(for key: String) -> Int32 {
        if let id = ids[TokenKey(key)] { return id }
        let id = Int32(ids.count)
        ids[TokenKey(key)] = id
        return id
    }

    /// The id of `key` if it is known.
    public func existingID(for key: String) -> Int32? { ids[TokenKey(key)] }
}
