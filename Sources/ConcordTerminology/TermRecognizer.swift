import ConcordModel
import ConcordText

/// Finds glossary terms in text of one language: leftmost-longest, without
/// overlaps (`UN Security Council` beats `Security Council`, `白俄罗斯` beats
/// `俄罗斯`), through inflection (`прекурсоров`), case (except acronyms:
/// `SCO` is not `sco`), line breaks and no-break spaces, never across a
/// sentence end. Chinese is matched character by character.
///
/// Not thread-safe (stemmers and caches): one recogniser per thread.
public final class TermRecognizer {
    public let language: LanguageTag
    private let normalizer: TermNormalizer
    private var nodes: [TrieNode] = [TrieNode()]
    private var concepts: [Concept] = []

    private struct TrieNode {
        var children: [String: Int] = [:]
        /// (concept index, term) ending here.
        var entries: [(Int, Term)] = []
    }

    /// A recogniser for the terms of `language` in every concept of `glossaries`.
    public init(glossaries: [Glossary], language: LanguageTag) throws {
        self.language = language
        normalizer = try TermNormalizer(language: language)
        for glossary in glossaries {
            for concept in glossary.concepts {
                let conceptIndex = concepts.count
                concepts.append(concept)
                for term in concept.terms(in: language) {
                    try insert(term, concept: conceptIndex)
                }
            }
        }
    }

    private func insert(_ term: Term, concept: Int) throws {
        let tokens = try normalizer.tokens(of: term.text)
        guard !tokens.isEmpty else { return }
        var node = 0
        for token in tokens {
            // An acronym in a term must be written that way in the text too.
            let key = token.acronymKey ?? token.key
            if let next = nodes[node].children[key] {
                node = next
            } else {
                nodes.append(TrieNode())
                nodes[node].children[key] = nodes.count - 1
                node = nodes.count - 1
            }
        }
        if !nodes[node].entries.contains(where: { $0.0 == concept && $0.1 == term }) {
            nodes[node].entries.append((concept, term))
        }
    }

    /// The number of concepts loaded.
    public var conceptCount: Int { concepts.count }

    /// Every term in `text`, in text order.
    public func hits(in text: String) throws -> [TermHit] {
        let tokens = try normalizer.tokens(of: text)
        let scalars = text.unicodeScalars
        var result: [TermHit] = []
        var position = 0
        while position < tokens.count {
            // Longest match starting here; a token may follow the trie by its plain or its acronym key.
            var best: (end: Int, node: Int)?
            var frontier = [0]
            var index = position
            while index < tokens.count, !frontier.isEmpty {
                var next: [Int] = []
                for node in frontier {
                    if let child = nodes[node].children[tokens[index].key] { next.append(child) }
                    if let acronym = tokens[index].acronymKey, let child = nodes[node].children[acronym] { next.append(child) }
                }
                frontier = next
                index += 1
                // Prefer an acronym path at equal length (it is the more specific key).
                if let terminal = frontier.last(where: { !nodes[$0].entries.isEmpty }) { best = (index, terminal) }
            }
            guard let best else {
                position += 1
                continue
            }
            let range = tokens[position].range.lowerBound..<tokens[best.end - 1].range.upperBound
            let lower = scalars.index(scalars.startIndex, offsetBy: range.lowerBound)
            let upper = scalars.index(lower, offsetBy: range.count)
            let written = String(scalars[lower..<upper])
            var seen: Set<Int> = []
            for (conceptIndex, term) in nodes[best.node].entries where seen.insert(conceptIndex).inserted {
                result.append(TermHit(concept: concepts[conceptIndex], term: term, range: range, text: written))
            }
            position = best.end
        }
        return result
    }
}
