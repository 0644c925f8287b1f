import Foundation
import ConcordModel
import ConcordText

/// A searchable translation memory: entries from units held in memory or from
/// memory stores, their tokens in an exact fuzzy index.
///
/// `lookup` finds exact (100), context (101, 102) and fuzzy matches and explains
/// each one; `lookupByScanning` scores every entry with the same scorer (the
/// reference the index must equal). An entry is a source variant with one of
/// its translations (a source with two translations gives two entries). Units
/// of a store stay in the store until a lookup needs them: the index keeps only
/// token ids, dates and where each entry comes from. Not thread-safe.
public final class TranslationMemoryIndex {
    private enum Units {
        case inMemory([TranslationUnit])
        case store(MemoryStore)
    }

    /// One memory file or store: its entries, numbered from `first` on in the whole index,
    /// and a fuzzy index of their sources (each memory has its own, so that a store's can be
    /// mapped from its index file while memory files are indexed as they are read).
    private struct Memory {
        let origin: String
        let penalty: Int
        let units: Units
        let index: FuzzyIndex
        let entries: EntryTable
        let first: Int
    }

    private var memories: [Memory] = []
    private let tokenizer: MatchTokenizer
    private let folder: TextFolder
    /// Units fetched from stores during one lookup, by memory and unit: the entries of one
    /// unit (a source with many translations) share one decoded copy.
    private var fetched: [UnitKey: TranslationUnit] = [:]
    /// The search tuning tests set (see ``tuneSearch(firstPhaseBudget:verificationCost:)``).
    private var tuning: (firstPhaseBudget: Int, verificationCost: Int)?

    private struct UnitKey: Hashable {
        var memory: Int
        var unit: Int64
    }

    /// At most this many source variants of one unit, each with at most this many of its
    /// translations, become entries: a unit with hundreds of variants of one language would
    /// otherwise give the square of that many entries (500 × 500), all alike.
    public static let maximumVariantsPerSide = 32

    /// Units that had more variants than ``maximumVariantsPerSide`` on a side (only the first were indexed).
    public private(set) var unitsWithTooManyVariants: [UnitReference] = []

    public init() throws {
        tokenizer = try MatchTokenizer()
        folder = try TextFolder()
    }

    /// An index over the same entries with a tokenizer and scratch space of its own, for
    /// lookups on another thread (see ``SharedMemoryIndex``): the entry tables and posting
    /// lists are shared, the stores are shared (they serialise their reads).
    func copyForLookups() throws -> TranslationMemoryIndex {
        try TranslationMemoryIndex(copying: self)
    }

    private init(copying other: TranslationMemoryIndex) throws {
        tokenizer = try MatchTokenizer()
        folder = try TextFolder()
        memories = other.memories.map { memory in
            Memory(origin: memory.origin, penalty: memory.penalty, units: memory.units, index: memory.index.copyForSearching(),
                   entries: memory.entries, first: memory.first)
        }
        unitsWithTooManyVariants = other.unitsWithTooManyVariants
    }

    /// See ``FuzzyIndex/firstPhaseBudget`` and ``FuzzyIndex/verificationCost`` (for tests).
    func tuneSearch(firstPhaseBudget: Int, verificationCost: Int) {
        tuning = (firstPhaseBudget, verificationCost)
        for memory in memories { tune(memory.index) }
    }

    private func tune(_ index: FuzzyIndex) {
        guard let tuning else { return }
        index.firstPhaseBudget = tuning.firstPhaseBudget
        index.verificationCost = tuning.verificationCost
    }

    /// The number of entries.
    public var count: Int { memories.last.map { $0.first + $0.entries.count } ?? 0 }

    /// For each memory, whether its index is read from a mapped index file (for tests).
    var mappedMemories: [Bool] { memories.map { $0.index.tables.tokens.isMapped } }

    /// The fuzzy indexes' broken invariants, described (for tests).
    func checkInvariants() -> [String] {
        memories.flatMap { $0.index.checkInvariants() }
    }

    private func append(origin: String, penalty: Int, units: Units, index: FuzzyIndex, entries: EntryTable) {
        tune(index)
        memories.append(Memory(origin: origin, penalty: penalty, units: units, index: index, entries: entries, first: count))
    }

    /// The memory of entry `number`, and the entry's number within it.
    private func locate(_ number: Int) -> (memory: Int, entry: Int) {
        var low = 0, high = memories.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if memories[middle].first <= number { low = middle } else { high = middle - 1 }
        }
        return (low, number - memories[low].first)
    }

    private func date(_ number: Int) -> Int64 {
        let (memory, entry) = locate(number)
        return memories[memory].entries.dates[entry]
    }

    /// Adds the entries of `units` for the pair `from` → `to`: one entry per source
    /// variant and translation.
    public func add(_ units: [TranslationUnit], from: LanguageTag, to: LanguageTag, origin: String, penalty: Int = 0) throws {
        let index = FuzzyIndex()
        var entries = EntryTable.Builder()
        for (position, unit) in units.enumerated() {
            let targets = unit.variants.indices.filter { to.matches(unit.variants[$0].language) }
            guard !targets.isEmpty, unit.variants.count <= Int(UInt16.max) else { continue }
            let sources = unit.variants.indices.filter { from.matches(unit.variants[$0].language) }
            if max(sources.count, targets.count) > Self.maximumVariantsPerSide {
                unitsWithTooManyVariants.append(UnitReference(origin: origin, unit: unit.tuid.map { "tuid \($0)" } ?? "unit \(position + 1)"))
            }
            for source in sources.prefix(Self.maximumVariantsPerSide) {
                let keys = try tokenizer.keys(of: unit.variants[source].segment)
                for target in targets.prefix(Self.maximumVariantsPerSide) where target != source {
                    entries.append(unit: Int64(position), date: unit.latestDate?.secondsSinceEpoch ?? Int64.min, source: source, target: target)
                    index.add(keys)
                }
            }
        }
        append(origin: origin, penalty: penalty, units: .inMemory(units), index: index, entries: entries.build())
    }

    /// Adds the entries of a memory store for the pair `from` → `to`: mapped from the store's
    /// index file when it is in step with the store, else built from the tokens the store keeps
    /// (and saved for the next start). No unit is decoded until a lookup shows it.
    public func add(store: MemoryStore, from: LanguageTag, to: LanguageTag, origin: String, penalty: Int = 0) throws {
        let (content, note) = try StoreIndex.open(store, pair: StoreIndexPair(from: from, to: to))
        if let note { indexNotes.append(note) }
        add(store: store, content: content, origin: origin, penalty: penalty)
    }

    /// What opening the stores' indexes had to do (a rebuild, an index that could not be saved).
    public private(set) var indexNotes: [StoreIndexNote] = []

    /// Adds a store's entries from an index built or read already.
    func add(store: MemoryStore, content: StoreIndexContent, origin: String, penalty: Int = 0) {
        for unit in content.unitsWithTooManyVariants {
            unitsWithTooManyVariants.append(UnitReference(origin: origin, unit: "unit \(unit)"))
        }
        append(origin: origin, penalty: penalty, units: .store(store), index: content.index, entries: content.entries)
    }

    /// Builds what the first lookup would otherwise build (the posting lists), so that
    /// loading and looking up can be timed apart.
    public func prepare() {
        for memory in memories { memory.index.prepare() }
    }

    /// Entry `number` with its unit (fetched from its store if need be).
    public func entry(_ number: Int) throws -> MemoryEntry {
        let (memory, local) = locate(number)
        let key = UnitKey(memory: memory, unit: memories[memory].entries.units[local])
        if let unit = fetched[key] { return try entry(number, unit: unit) }
        let unit: TranslationUnit
        switch memories[memory].units {
        case let .inMemory(units): return try entry(number, unit: units[Int(key.unit)])
        case let .store(store): unit = try store.unit(id: key.unit)
        }
        fetched[key] = unit
        return try entry(number, unit: unit)
    }

    private func entry(_ number: Int, unit: TranslationUnit) throws -> MemoryEntry {
        let (index, local) = locate(number)
        let memory = memories[index]
        let (source, target) = (memory.entries.source(local), memory.entries.target(local))
        guard source < unit.variants.count, target < unit.variants.count else {
            throw MemoryStoreError.corrupt(path: memory.origin, detail: "unit \(memory.entries.units[local]) changed while it was being read")
        }
        return MemoryEntry(origin: memory.origin, id: number, unit: unit, source: unit.variants[source],
                           target: unit.variants[target], penalty: memory.penalty)
    }

    private func penalty(_ number: Int) -> Int { memories[locate(number).memory].penalty }

    /// The best matches for `query`, at least `minimum`, at most `limit`, best first.
    public func lookup(_ query: Segment, previous: String? = nil, next: String? = nil, minimum: Int = 50, limit: Int = 5) throws -> [MemoryMatch] {
        fetched = [:]
        let queryTokens = try tokenizer.tokens(of: query)
        var failure: Error?
        let keys = Self.comparedKeys(queryTokens)
        // Each memory's best `limit` (and all that tie with them) hold the best `limit` of all.
        var found: [(Int, Int)] = []
        for memory in memories {
            let first = memory.first, penalty = memory.penalty
            let candidates = memory.index.search(keys, minimum: minimum, limit: limit) { local, fuzzy in
                guard fuzzy == 100 else { return max(0, fuzzy - penalty) }
                do {
                    return try explain(number: first + local, fuzzy: fuzzy, query: query, queryTokens: queryTokens,
                                       previous: previous, next: next, withDiff: false).score
                } catch {
                    failure = error
                    return fuzzy
                }
            }
            found += candidates.map { (first + $0.number, $0.fuzzy) }
        }
        if let failure { throw failure }
        return try rank(found, query: query, queryTokens: queryTokens,
                        previous: previous, next: next, minimum: minimum, limit: limit)
    }

    /// The same result by scoring every entry (the reference for the index).
    func lookupByScanning(_ query: Segment, previous: String? = nil, next: String? = nil, minimum: Int = 50, limit: Int = 5) throws -> [MemoryMatch] {
        fetched = [:]
        let queryTokens = try tokenizer.tokens(of: query)
        var scored: [(Int, Int)] = []
        for memory in memories {
            let index = memory.index
            index.prepare()
            let pattern = EditDistance.Pattern(index.ids(for: Self.comparedKeys(queryTokens)))
            let n = pattern.count
            for number in 0..<index.count {
                // The distance is at least the length difference: skip what cannot reach the minimum.
                let m = index.length(number), longer = max(n, m)
                if abs(n - m) > FuzzyScore.maximumDistance(longer: longer, minimum: max(1, minimum)) { continue }
                let fuzzy = index.score(pattern, number)
                if fuzzy >= minimum { scored.append((memory.first + number, fuzzy)) }
            }
        }
        return try rank(scored, query: query, queryTokens: queryTokens, previous: previous, next: next, minimum: minimum, limit: limit)
    }

    private func rank(_ found: [(Int, Int)], query: Segment, queryTokens: [MatchToken], previous: String?, next: String?,
                      minimum: Int, limit: Int) throws -> [MemoryMatch] {
        // Scores differ from the fuzzy score only at 100 (deductions, context) and by
        // penalties; those are cheap. The explanation (a token diff) is made for the
        // matches shown only.
        var scored: [(number: Int, fuzzy: Int, score: Int)] = []
        for (number, fuzzy) in found {
            var score = max(0, fuzzy - penalty(number))
            if fuzzy == 100 {
                score = try explain(number: number, fuzzy: fuzzy, query: query, queryTokens: queryTokens,
                                    previous: previous, next: next, withDiff: false).score
            }
            if score >= minimum { scored.append((number, fuzzy, score)) }
        }
        scored.sort { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            let (left, right) = (date(lhs.number), date(rhs.number))
            if left != right { return left > right }
            return lhs.number < rhs.number
        }
        try preferMatchingPlaceables(&scored, limit: limit, queryTokens: queryTokens)
        let shown = scored.prefix(limit)
        try fetch(shown.map(\.number))
        return try shown.map {
            try explain(number: $0.number, fuzzy: $0.fuzzy, query: query, queryTokens: queryTokens, previous: previous, next: next, withDiff: true)
        }
    }

    /// Among matches of equal score, those whose numbers and codes are the query's come first (a
    /// query about agenda item 148 wants item 148 before a newer item 12); then the newest, then the
    /// earliest. Only the matches that can be shown are looked at, and only when scores tie.
    private func preferMatchingPlaceables(_ scored: inout [(number: Int, fuzzy: Int, score: Int)], limit: Int,
                                          queryTokens: [MatchToken]) throws {
        guard let cutoff = scored.prefix(limit).last?.score else { return }
        let considered = scored.prefix { $0.score >= cutoff }.count
        let scores = scored.prefix(considered).map(\.score)
        guard Set(scores).count < scores.count else { return }
        func placeables(_ tokens: [MatchToken]) -> [String] {
            tokens.filter { $0.kind == .number || $0.kind == .code }.map(\.written)
        }
        let wanted = placeables(queryTokens)
        try fetch(scored.prefix(considered).map(\.number))
        var same: [Int: Bool] = [:]
        for candidate in scored.prefix(considered) {
            same[candidate.number] = placeables(try tokenizer.tokens(of: try entry(candidate.number).source.segment)) == wanted
        }
        scored[0..<considered].sort { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            let (left, right) = (same[lhs.number] ?? false, same[rhs.number] ?? false)
            if left != right { return left }
            let (newer, older) = (date(lhs.number), date(rhs.number))
            if newer != older { return newer > older }
            return lhs.number < rhs.number
        }
    }

    /// Decodes the store units of these entries together (one parser per store, not one per unit).
    private func fetch(_ numbers: [Int]) throws {
        var wanted: [Int: Set<Int64>] = [:]                  // memory → unit ids
        for number in numbers {
            let (memory, local) = locate(number)
            let unit = memories[memory].entries.units[local]
            if fetched[UnitKey(memory: memory, unit: unit)] == nil { wanted[memory, default: []].insert(unit) }
        }
        for (memory, units) in wanted {
            guard case let .store(store) = memories[memory].units, units.count > 1 else { continue }
            for (id, unit) in try store.units(ids: Array(units)) { fetched[UnitKey(memory: memory, unit: id)] = unit }
        }
    }

    private func explain(number: Int, fuzzy: Int, query: Segment, queryTokens: [MatchToken], previous: String?, next: String?,
                         withDiff: Bool) throws -> MemoryMatch {
        let entry = try entry(number)
        let sourceTokens = try tokenizer.tokens(of: entry.source.segment)
        var score = fuzzy
        var deductions: [String] = []
        if fuzzy == 100 {
            score = Self.exactScore(query: query, queryTokens: queryTokens, source: entry.source.segment, sourceTokens: sourceTokens,
                                    deductions: &deductions)
            if score == 100, let previous { score = try contextScore(of: entry, previous: previous, next: next) }
        }
        if entry.penalty > 0 {
            score = max(0, score - entry.penalty)
            deductions.append("memory penalty \(entry.penalty)")
        }
        let (substitutions, adapted) = Self.adaptNumbers(of: entry, sourceTokens: sourceTokens, queryTokens: queryTokens,
                                                         fuzzy: fuzzy, deductions: &deductions)
        var diff = withDiff ? TokenDiff.explain(source: sourceTokens.map(\.written), query: queryTokens.map(\.written)) : []
        if withDiff, fuzzy == 100, let spaces = SpacingDifference.whiteSpaceDiff(source: entry.source.segment.plainText, query: query.plainText) {
            diff = spaces
        }
        return MemoryMatch(entry: entry, score: score, fuzzy: fuzzy, deductions: deductions, substitutions: substitutions,
                           adaptedTarget: adapted, diff: diff)
    }

    /// The score of a match whose tokens all fold alike: 100 when the segments are the same,
    /// else 1 off per kind of difference (each number or code, case, spacing or punctuation), at most 99.
    private static func exactScore(query: Segment, queryTokens: [MatchToken], source: Segment, sourceTokens: [MatchToken],
                                   deductions: inout [String]) -> Int {
        guard query.comparisonKey != source.comparisonKey else { return 100 }
        var total = 0
        var caseDiffers = false
        let compared = (queryTokens.filter { !$0.isIgnoredByFuzzyScore }, sourceTokens.filter { !$0.isIgnoredByFuzzyScore })
        for (mine, theirs) in zip(compared.0, compared.1) where mine.written != theirs.written {
            switch mine.kind {
            case .number, .code:
                total += 1
                deductions.append("\(mine.kind == .number ? "number" : "code") \(theirs.written) → \(mine.written)")
            case .word:
                caseDiffers = true
            case .punctuation:
                break
            }
        }
        if caseDiffers {
            total += 1
            deductions.append("case differs")
        }
        if let difference = SpacingDifference.describe(query: query.plainText, source: source.plainText) {
            total += 1
            deductions.append(difference)
        }
        return min(99, 100 - max(1, total))
    }

    /// The keys the fuzzy score compares (punctuation marks left out).
    static func comparedKeys(_ tokens: [MatchToken]) -> [String] {
        tokens.compactMap { $0.isIgnoredByFuzzyScore ? nil : $0.key }
    }

    /// 101 when the unit's preceding context (`x-context-pre`) is the query's previous
    /// segment, 102 when the following one (`x-context-post`) matches too; else 100.
    private func contextScore(of entry: MemoryEntry, previous: String, next: String?) throws -> Int {
        let pre = entry.unit.properties.first { $0.type == "x-context-pre" }?.value
        guard let pre, try folder.foldedString(pre) == folder.foldedString(previous) else { return 100 }
        let post = entry.unit.properties.first { $0.type == "x-context-post" }?.value
        if let next, let post, try folder.foldedString(post) == folder.foldedString(next) { return 102 }
        return 101
    }

    /// The query's numbers put into the target where the source's numbers stand (paired by
    /// order, so only when both have as many); each one that the target lacks is a deduction.
    private static func adaptNumbers(of entry: MemoryEntry, sourceTokens: [MatchToken], queryTokens: [MatchToken], fuzzy: Int,
                                     deductions: inout [String]) -> ([Substitution], String?) {
        let sourceNumbers = sourceTokens.filter { $0.kind == .number }.map(\.written)
        let queryNumbers = queryTokens.filter { $0.kind == .number }.map(\.written)
        guard sourceNumbers.count == queryNumbers.count, sourceNumbers != queryNumbers else { return ([], nil) }
        let changes = Array(zip(sourceNumbers, queryNumbers)).map { (from: $0.0, to: $0.1) }
        let (text, placed) = NumberSubstitution.adapt(entry.target.segment.plainText, changes: changes)
        var substitutions: [Substitution] = []
        for (change, wasPlaced) in zip(changes, placed) where change.from != change.to {
            substitutions.append(Substitution(from: change.from, to: change.to, placed: wasPlaced, inFuzzyMatch: fuzzy < 100))
            if !wasPlaced { deductions.append("number \(change.from) is not in the target as written: change it to \(change.to) by hand") }
        }
        return (substitutions, substitutions.contains(where: \.placed) ? text : nil)
    }
}

/// Where a unit comes from, for messages: the memory's name and the unit's label.
public struct UnitReference: Sendable, Equatable {
    public var origin: String
    public var unit: String
}
