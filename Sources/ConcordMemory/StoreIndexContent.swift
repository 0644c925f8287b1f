import ConcordModel
import Dispatch

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
        let languages = try store.languages()
        let targetTags = languages.filter { to.matches(LanguageTag($0.tag)) }
        let sourceTags = languages.filter { from.matches(LanguageTag($0.tag)) }
        // The targets are read on another thread while the sources are read here (a store open
        // for writing reads on several connections at once; one open for reading, in turn).
        let (targetsRead, sourcesRead) = (ResultBox<Result<[(unit: Int64, ordinal: Int)], Error>>(), ResultBox<Result<SourceRows, Error>>())
        let finalRemap = remap
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                targetsRead.value = Result { try targetVariants(of: store, languages: targetTags) }
            } else {
                sourcesRead.value = Result { try SourceRows(store: store, languages: sourceTags, remap: finalRemap, ignored: ignored) }
            }
        }
        let targets = try targetsRead.value!.get()
        var rows = try sourcesRead.value!.get()
        index.reserveCapacity(tokens: rows.tokens.count, sequences: rows.rows.count)
        if sourceTags.count > 1 { rows.rows.sort { ($0.unit, $0.ordinal) < ($1.unit, $1.ordinal) } }
        let flat = rows.tokens

        let limit = TranslationMemoryIndex.maximumVariantsPerSide
        var entries = EntryTable.Builder()
        var tooMany: [Int64] = []
        var next = 0
        var sourcesOfUnit = (unit: Int64.min, count: 0)
        for row in rows.rows where row.ordinal <= Int(UInt16.max) {
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
    private static func targetVariants(of store: MemoryStore, languages: [StoredLanguage]) throws -> [(unit: Int64, ordinal: Int)] {
        var targets: [(unit: Int64, ordinal: Int)] = []
        targets.reserveCapacity(languages.reduce(0) { $0 + $1.variants })
        for language in languages {
            try store.forEachVariant(language: language.tag, withTokens: false) { unit, ordinal, _, _ in targets.append((unit, ordinal)) }
        }
        if languages.count > 1 { targets.sort { ($0.unit, $0.ordinal) < ($1.unit, $1.ordinal) } }
        return targets
    }
}

/// The source variants of a store with their token ids as an index numbers them, one after
/// the other in `tokens` (punctuation left out), in the order of units and ordinals per language.
struct SourceRows {
    struct Row { var unit: Int64; var ordinal: Int; var date: Int64; var tokens: Range<Int> }
    var rows: [Row] = []
    var tokens: [Int32] = []

    /// `remap` maps the store's token ids to the index's (-1: unknown, `ignored`: not compared).
    init(store: MemoryStore, languages: [StoredLanguage], remap: [Int32], ignored: Int32) throws {
        rows.reserveCapacity(languages.reduce(0) { $0 + $1.variants })
        for language in languages {
            try store.forEachVariant(language: language.tag, withTokens: true) { unit, ordinal, date, ids in
                let start = tokens.count
                for id in ids {
                    guard id >= 0, Int(id) < remap.count, remap[Int(id)] != -1 else {
                        throw MemoryStoreError.corrupt(path: store.path, detail: "unit \(unit) has a token the token table lacks")
                    }
                    if remap[Int(id)] != ignored { tokens.append(remap[Int(id)]) }
                }
                rows.append(Row(unit: unit, ordinal: ordinal, date: date ?? Int64.min, tokens: start..<tokens.count))
            }
        }
    }
}
