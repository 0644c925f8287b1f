import ConcordModel
import Foundation

/// A unit made ready for the store (duplicate key, payload, match-token ids):
/// on the reading thread when importing, while the database thread writes.
struct PreparedUnit {
    let unit: TranslationUnit
    let key: DuplicateKey
    let keyHash: Int64
    /// The unit as the codec stores it.
    let payload: Data
    /// Each variant's match-token ids as stored (see ``TokenBlob``).
    let tokenBlobs: [Data]
    /// Tokens numbered for this unit that the token table does not hold yet.
    let newTokens: [(id: Int32, key: String)]
    /// The unit's source language: its own srclang, else its file's (canonical case).
    let sourceLanguage: String?

    init(_ unit: TranslationUnit, defaultSource: LanguageTag? = nil, tokenizer: MatchTokenizer, codec: any UnitCodec,
         tokenIDs: StoredTokenIDs, path: String) throws {
        self.unit = unit
        sourceLanguage = (unit.sourceLanguage ?? defaultSource)?.canonical
        key = unit.duplicateKey
        keyHash = StableHash.of(key.stableString)
        payload = Data(try codec.encode(unit))
        var newTokens: [(id: Int32, key: String)] = []
        var exhausted = false
        var ids: [Int32] = []
        tokenBlobs = try tokenIDs.locked { tokenIDs in
            try unit.variants.map { variant in
                ids.removeAll(keepingCapacity: true)
                try tokenizer.forEachKey(of: variant.segment) { key in
                    guard let (id, isNew) = tokenIDs.unlockedID(for: key) else {
                        exhausted = true
                        return
                    }
                    if isNew { newTokens.append((id, String(decoding: key, as: UTF8.self))) }
                    ids.append(id)
                }
                return Data(TokenBlob.encode(ids))
            }
        }
        if exhausted { throw MemoryStoreError.corrupt(path: path, detail: "more than \(Int32.max) distinct tokens") }
        self.newTokens = newTokens
    }
}
