import ConcordModel

/// What a store's fuzzy index holds for one language pair: the fuzzy index of the source
/// variants, where each entry comes from, and the units with more variants than are
/// matched. Built from the store's token rows, or read from its index file.
struct StoreIndexContent {
    let index: FuzzyIndex
    let entries: EntryTable
    /// Ids of the units with more than ``TranslationMemoryIndex/maximumVariantsPerSide`` variants on a side.
    let unitsWithTooManyVariants: [Int64]

    /// Builds the content from the token rows of `store` (no unit is decoded), one entry per
    /// source variant and translation, in the order of units and variants.
    static func build(from store: MemoryStore, from: LanguageTag, to: LanguageTag) throws -> StoreIndexContent {
        let index = FuzzyIndex()
        // The store's token ids, as this index numbers them. Punctuation marks are not compared
        // (stores written before that keep them in their token rows): they map to `ignored`.
        var remap: [Int32] = []
        let ignored: Int32 = -2
        try store.forEachToken { id, key in
            guard id >= 0, id <= Int64(Int32.max) else { return }
            if Int(id) >= remap.count { remap += repeatElement(-1, count: Int(id) + 1 - remap.count) }
            remap[Int(id)] = MatchToken.isPunctuationKey(key) ? ignored : index.vocabulary.id(for: key)
        }
        let tags = try store.languages().map(\.tag)
        let targets = try targetVariants(of: store, tags: tags.filter { to.matches(LanguageTag($0)) })

        struct SourceRow { var unit: Int64; var ordinal: Int; var date: Int64; var tokens: Range<Int> }
        var rows: [SourceRow] = []
        var flat: [Int32] = []
        let sourceTags = tags.filter { from.matches(LanguageTag($0)) }
        for tag in sourceTags {
            try store.forEachVariant(language: tag, withTokens: true) { unit, ordinal, date, tokens in
                let start = flat.count
                for id in tokens {
                    guard id >= 0, Int(id) < remap.count, remap[Int(id)] != -1 else {
                        throw MemoryStoreError.corrupt(path: store.path, detail: "unit \(unit) has a token the token table lacks")
                    }
                    if remap[Int(id)] != ignored { flat.append(remap[Int(id)]) }
                }
                rows.append(SourceRow(unit: unit, ordinal: ordinal, date: date ?? Int64.min, tokens: start..<flat.count))
            }
        }
        if sourceTags.count > 1 { rows.sort { ($0.unit, $0.ordinal) < ($1.unit, $1.ordinal) } }

        let limit = TranslationMemoryIndex.maximumVariantsPerSide
        var entries = EntryTable.Builder()
        var tooMany: [Int64] = []
        var next = 0
        var sourcesOfUnit = (unit: Int64.min, count: 0)
        for row in rows where row.ordinal <= Int(UInt16.max) {
            sourcesOfUnit = sourcesOfUnit.unit == row.unit ? (row.unit, sourcesOfUnit.count + 1) : (row.unit, 1)
            while next < targets.count, targets[next].unit < row.unit { next += 1 }
            if sourcesOfUnit.count == 1, next + limit < targets.count, targets[next + limit].unit == row.unit {
                tooMany.append(row.unit)
            } else if sourcesOfUnit.count == limit + 1 {
                tooMany.append(row.unit)
            }
            guard sourcesOfUnit.count <= limit else { continue }
            var target = next
            while target < targets.count, targets[target].unit == row.unit, target - next < limit {
                if targets[target].ordinal != row.ordinal, targets[target].ordinal <= Int(UInt16.max) {
                    entries.append(unit: row.unit, date: row.date, source: row.ordinal, target: targets[target].ordinal)
                    index.add(ids: flat[row.tokens])
                }
                target += 1
            }
        }
        index.prepare()
        return StoreIndexContent(index: index, entries: entries.build(), unitsWithTooManyVariants: tooMany)
    }

    /// The variants of the target languages, in the order of units and ordinals.
    private static func targetVariants(of store: MemoryStore, tags: [String]) throws -> [(unit: Int64, ordinal: Int)] {
        var targets: [(unit: Int64, ordinal: Int)] = []
        for tag in tags {
            try store.forEachVariant(language: tag, withTokens: false) { unit, ordinal, _, _ in targets.append((unit, ordinal)) }
        }
        if tags.count > 1 { targets.sort { ($0.unit, $0.ordinal) < ($1.unit, $1.ordinal) } }
        return targets
    }
}
