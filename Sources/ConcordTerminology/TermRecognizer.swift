import ConcordModel
import ConcordText

/// Finds glossary terms in text of one language: leftmost-longest, without
/// overlaps (`UN Security Council` beats `Security Council`, `白俄罗斯` beats
/// `俄罗斯`), through inflection (`прекурсоров`), case (except acronyms:
/// `SCO` is not `sco`), line breaks and no-break spaces, never across a
/// sentence end. Chinese is matched character by character.
///
/// Terms are kept in a token trie: token keys are interned to integers, and
/// the trie's edges are one integer-keyed table, so a scan does one string
/// lookup per token of text. Built once and shared between tasks: each call
/// borrows an engine of its own (stemmers and caches are not thread-safe).
public final class TermRecognizer: Sendable {
    public let language: LanguageTag
    private let engines: ScratchPool<TermRecognizerEngine>

    /// A recogniser for the terms of `language` in every concept of `glossaries`.
    public init(glossaries: [Glossary], language: LanguageTag) throws {
        self.language = language
        let first = try TermRecognizerEngine(glossaries: glossaries, language: language)
        engines = ScratchPool(first: first) { try TermRecognizerEngine(glossaries: glossaries, language: language) }
    }

    /// The terms in `text`, leftmost-longest, without overlaps; ranges are Unicode-scalar offsets.
    public func hits(in text: String) throws -> [TermHit] {
        try engines.withWorker { try $0.hits(in: text) }
    }
}

/// The recogniser's trie and normaliser for one call at a time.
final class TermRecognizerEngine {
    let language: LanguageTag
    private let normalizer: TermNormalizer
    private var vocabulary: [ByteKey: Int32] = [:]
    /// (node << 32 | key id) → child node.
    private var edges: [UInt64: Int32] = [:]
    private var nodeCount: Int32 = 1
    /// Terms ending at a node: (concept index, index of the term in the concept).
    private var entries: [Int32: [(Int32, Int32)]] = [:]
    private var concepts: [Concept] = []

    init(glossaries: [Glossary], language: LanguageTag) throws {
        self.language = language
        normalizer = try TermNormalizer(language: language)
        for glossary in glossaries {
            for concept in glossary.concepts {
                let conceptIndex = concepts.count
                concepts.append(concept)
                for (termIndex, term) in concept.terms.enumerated() where language.matches(term.language) {
                    try insert(term, concept: Int32(conceptIndex), index: Int32(termIndex))
                }
            }
        }
    }

    private func intern(_ key: String) -> Int32 {
        if let id = vocabulary[ByteKey(key)] { return id }
        let id = Int32(vocabulary.count)
        vocabulary[ByteKey(key)] = id
        return id
    }

    @inline(__always)
    private func edge(_ node: Int32, _ key: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: key))
    }

    private func insert(_ term: Term, concept: Int32, index: Int32) throws {
        let tokens = try normalizer.tokens(of: term.text)
        guard !tokens.isEmpty else { return }
        // An acronym in a term must be written that way in the text too; other
        // words may have alternative keys (a few paths through the trie, at most 16).
        // The first word of a name whose other words are capitalised may be written in lower case
        // inside a longer name (`Продовольственная и сельскохозяйственная организация Объединённых Наций`).
        let nameFollows = tokens.dropFirst().contains { $0.capitalized || $0.acronymKey != nil }
        let choices: [[String]] = tokens.enumerated().map { index, token in
            if let acronym = token.acronymKey { return [acronym] }
            let alternatives = normalizer.alternativeKeys(for: token.word)
            if token.capitalized {
                let capitalised = ["^" + token.key] + alternatives.map { "^" + $0 }
                return index == 0 && nameFollows ? capitalised + [token.key] + alternatives : capitalised
            }
            return [token.key] + alternatives
        }
        // Walk the trie with every path at once (at most 16 nodes), creating nodes as needed:
        // building the paths as arrays first would copy each one per token (quadratic in a long term).
        var frontier: [Int32] = [0]
        for options in choices {
            let keys = (frontier.count * options.count <= 16 ? options : [options[0]]).map(intern)
            frontier = frontier.flatMap { node in keys.map { child(of: node, key: $0) } }
        }
        for node in frontier {
            var list = entries[node] ?? []
            if !list.contains(where: { $0.0 == concept }) {
                list.append((concept, index))
                entries[node] = list
            }
        }
    }

    /// The child of `node` along `key`, created if need be.
    private func child(of node: Int32, key: Int32) -> Int32 {
        if let next = edges[edge(node, key)] { return next }
        edges[edge(node, key)] = nodeCount
        nodeCount += 1
        return nodeCount - 1
    }

    /// Every term in `text`, in text order.
    func hits(in text: String) throws -> [TermHit] {
        let tokens = try normalizer.tokens(of: text)
        // Key ids of the text's tokens (-1: no term uses this key).
        var plain = [Int32](repeating: -1, count: tokens.count)
        var acronym = [Int32](repeating: -1, count: tokens.count)
        var capital = [Int32](repeating: -1, count: tokens.count)
        for (index, token) in tokens.enumerated() {
            plain[index] = vocabulary[ByteKey(token.key)] ?? -1
            if let key = token.acronymKey { acronym[index] = vocabulary[ByteKey(key)] ?? -1 }
            if token.capitalized { capital[index] = vocabulary[ByteKey(token.capitalKey)] ?? -1 }
        }
        let scalars = text.unicodeScalars
        var cursor = scalars.startIndex
        var cursorOffset = 0
        var result: [TermHit] = []
        var position = 0
        var frontier: [Int32] = []
        var next: [Int32] = []
        while position < tokens.count {
            // Most tokens start no term: check the root before doing more.
            if (plain[position] < 0 || edges[edge(0, plain[position])] == nil)
                && (acronym[position] < 0 || edges[edge(0, acronym[position])] == nil)
                && (capital[position] < 0 || edges[edge(0, capital[position])] == nil) {
                position += 1
                continue
            }
            // Longest match starting here; a token may follow the trie by its plain or its acronym key.
            var best: (end: Int, node: Int32)?
            frontier.removeAll(keepingCapacity: true)
            frontier.append(0)
            var index = position
            while index < tokens.count, !frontier.isEmpty {
                next.removeAll(keepingCapacity: true)
                for node in frontier {
                    if plain[index] >= 0, let child = edges[edge(node, plain[index])] { next.append(child) }
                    if acronym[index] >= 0, let child = edges[edge(node, acronym[index])] { next.append(child) }
                    if capital[index] >= 0, let child = edges[edge(node, capital[index])] { next.append(child) }
                }
                swap(&frontier, &next)
                index += 1
                // Prefer an acronym path at equal length (it is the more specific key).
                if let terminal = frontier.last(where: { entries[$0] != nil }) { best = (index, terminal) }
            }
            guard let best else {
                position += 1
                continue
            }
            let range = tokens[position].range.lowerBound..<tokens[best.end - 1].range.upperBound
            let lower = scalars.index(cursor, offsetBy: range.lowerBound - cursorOffset)
            let upper = scalars.index(lower, offsetBy: range.count)
            cursor = upper
            cursorOffset = range.upperBound
            let written = String(scalars[lower..<upper])
            for (conceptIndex, termIndex) in entries[best.node] ?? [] {
                let concept = concepts[Int(conceptIndex)]
                result.append(TermHit(concept: concept, term: concept.terms[Int(termIndex)], range: range, text: written))
            }
            position = best.end
        }
        return result
    }
}
