import Foundation
import ConcordModel
import ConcordText

/// A searchable translation memory: its entries, their tokens and an exact fuzzy index.
///
/// `lookup` finds exact (100), context (101, 102) and fuzzy matches and explains
/// each one; `lookupByScanning` scores every entry with the same scorer (the
/// reference the index must equal). Not thread-safe (the tokenizer caches).
public final class TranslationMemoryIndex {
    public private(set) var entries: [MemoryEntry] = []
    private var tokens: [[MatchToken]] = []
    private let index = FuzzyIndex()
    private let tokenizer: MatchTokenizer
    private let folder: TextFolder

    public init() throws {
        tokenizer = try MatchTokenizer()
        folder = try TextFolder()
    }

    /// Adds the entries of `units` for the pair `from` → `to`: one entry per source
    /// variant and translation (a source with two translations gives two entries).
    public func add(_ units: [TranslationUnit], from: LanguageTag, to: LanguageTag, origin: String, penalty: Int = 0) throws {
        for unit in units {
            for source in unit.variants(for: from) {
                for target in unit.variants(for: to) {
                    try add(MemoryEntry(origin: origin, id: entries.count, unit: unit, source: source, target: target, penalty: penalty))
                }
            }
        }
    }

    public func add(_ entry: MemoryEntry) throws {
        let sourceTokens = try tokenizer.tokens(of: entry.source.segment)
        entries.append(entry)
        tokens.append(sourceTokens)
        index.add(sourceTokens.map(\.key))
    }

    /// The best matches for `query`, at least `minimum`, at most `limit`, best first.
    public func lookup(_ query: Segment, previous: String? = nil, next: String? = nil, minimum: Int = 50, limit: Int = 5) throws -> [MemoryMatch] {
        let queryTokens = try tokenizer.tokens(of: query)
        var failure: Error?
        let found = index.search(queryTokens.map(\.key), minimum: minimum, limit: limit) { number, fuzzy in
            guard fuzzy == 100 || entries[number].penalty > 0 else { return fuzzy }
            do {
                return try explain(number: number, fuzzy: fuzzy, query: query, queryTokens: queryTokens,
                                   previous: previous, next: next, withDiff: false).score
            } catch {
                failure = error
                return fuzzy
            }
        }
        if let failure { throw failure }
        return try rank(found.map { ($0.number, $0.fuzzy) }, query: query, queryTokens: queryTokens,
                        previous: previous, next: next, minimum: minimum, limit: limit)
    }

    /// The same result by scoring every entry (the reference for the index).
    public func lookupByScanning(_ query: Segment, previous: String? = nil, next: String? = nil, minimum: Int = 50, limit: Int = 5) throws -> [MemoryMatch] {
        let queryTokens = try tokenizer.tokens(of: query)
        let queryIDs = index.ids(for: queryTokens.map(\.key))
        let pattern = EditDistance.Pattern(queryIDs)
        var scored: [(Int, Int)] = []
        let n = queryIDs.count
        for number in 0..<entries.count {
            let candidate = index.sequences[number]
            // The distance is at least the length difference: skip what cannot reach the minimum.
            let longer = max(n, candidate.count)
            if abs(n - candidate.count) > FuzzyScore.maximumDistance(longer: longer, minimum: max(1, minimum)) { continue }
            let fuzzy = FuzzyScore.score(distance: EditDistance.distance(pattern, candidate), longer: longer)
            if fuzzy >= minimum { scored.append((number, fuzzy)) }
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
            var score = fuzzy
            if fuzzy == 100 || entries[number].penalty > 0 {
                score = try explain(number: number, fuzzy: fuzzy, query: query, queryTokens: queryTokens,
                                    previous: previous, next: next, withDiff: false).score
            }
            if score >= minimum { scored.append((number, fuzzy, score)) }
        }
        scored.sort { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            let (left, right) = (entries[lhs.number], entries[rhs.number])
            if left.date != right.date { return left.date > right.date }
            return left.id < right.id
        }
        return try scored.prefix(limit).map {
            try explain(number: $0.number, fuzzy: $0.fuzzy, query: query, queryTokens: queryTokens, previous: previous, next: next, withDiff: true)
        }
    }

    private func explain(number: Int, fuzzy: Int, query: Segment, queryTokens: [MatchToken], previous: String?, next: String?,
                         withDiff: Bool) throws -> MemoryMatch {
        let entry = entries[number]
        let sourceTokens = tokens[number]
        var score = fuzzy
        var deductions: [String] = []
        var substitutions: [(from: String, to: String)] = []
        if fuzzy == 100 {
            if query.comparisonKey == entry.source.segment.comparisonKey {
                score = 100
            } else {
                var total = 0
                var caseDiffers = false
                for (mine, theirs) in zip(queryTokens, sourceTokens) where mine.written != theirs.written {
                    switch mine.kind {
                    case .number, .code:
                        total += 1
                        substitutions.append((from: theirs.written, to: mine.written))
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
                if Self.spacing(query.plainText) != Self.spacing(entry.source.segment.plainText) {
                    total += 1
                    deductions.append("spaces or punctuation differ")
                }
                score = 100 - max(1, total)
                score = min(99, score)
            }
            if score == 100, let previous {
                let pre = entry.unit.properties.first { $0.type == "x-context-pre" }?.value
                if let pre, try folder.foldedString(pre) == folder.foldedString(previous) {
                    score = 101
                    let post = entry.unit.properties.first { $0.type == "x-context-post" }?.value
                    if let next, let post, try folder.foldedString(post) == folder.foldedString(next) { score = 102 }
                }
            }
        }
        if entry.penalty > 0 {
            score = max(0, score - entry.penalty)
            deductions.append("memory penalty \(entry.penalty)")
        }
        var adapted: String?
        if !substitutions.isEmpty {
            var target = entry.target.segment.plainText
            for substitution in substitutions where substitution.from != substitution.to {
                if let range = target.range(of: substitution.from) { target.replaceSubrange(range, with: substitution.to) }
            }
            adapted = target
        }
        guard withDiff else {
            return MemoryMatch(entry: entry, score: score, fuzzy: fuzzy, deductions: deductions, substitutions: substitutions,
                               adaptedTarget: adapted, diff: [])
        }
        let diff = queryTokens.map(\.written).difference(from: sourceTokens.map(\.written))
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in diff {
            switch change {
            case let .remove(offset, _, _): removed.insert(offset)
            case let .insert(offset, _, _): inserted.insert(offset)
            }
        }
        var explanation: [String] = []
        var sourceIndex = 0, queryIndex = 0
        while sourceIndex < sourceTokens.count || queryIndex < queryTokens.count {
            if sourceIndex < sourceTokens.count, removed.contains(sourceIndex) {
                explanation.append("-" + sourceTokens[sourceIndex].written)
                sourceIndex += 1
            } else if queryIndex < queryTokens.count, inserted.contains(queryIndex) {
                explanation.append("+" + queryTokens[queryIndex].written)
                queryIndex += 1
            } else {
                if queryIndex < queryTokens.count { explanation.append("=" + queryTokens[queryIndex].written) }
                sourceIndex += 1
                queryIndex += 1
            }
        }
        return MemoryMatch(entry: entry, score: score, fuzzy: fuzzy, deductions: deductions, substitutions: substitutions,
                           adaptedTarget: adapted, diff: explanation)
    }

    /// White space and punctuation, the rest removed: what "spacing" differences compare.
    private static func spacing(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.properties.isWhitespace || $0.properties.generalCategory.isPunctuation }))
    }
}

private extension Unicode.GeneralCategory {
    var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }
}
