import Concord
import ConcordTestSupport
import Foundation
import Testing

/// Eight tasks over one shared index, one recogniser and one segmenter get exactly the
/// answers one task gets alone. Also run under the thread sanitizer by hand:
/// `swift test --sanitize=thread --filter ConcurrencyTests` (see README, "Concurrency").
@Suite struct ConcurrencyTests {
    static let tasks = 8
    static let root = TestSupport.packageRoot

    /// The UN test set's English sentences, a varied mix of lengths and numbers.
    static func englishSentences(limit: Int) throws -> [String] {
        let reader = try TMXReader(path: root.appendingPathComponent("TMX/un-testset.en-ru-zh.tmx").path)
        var sentences: [String] = []
        while sentences.count < limit, let unit = try reader.next() {
            if let english = unit.variants.first(where: { $0.language.language == "en" }) { sentences.append(english.segment.plainText) }
        }
        return sentences
    }

    /// Runs `work` over `items` in `tasks` concurrent tasks (each takes every `tasks`-th item, several rounds) and returns the answers in item order.
    static func concurrently<Answer: Sendable>(_ items: [String], _ work: @escaping @Sendable (String) throws -> Answer) async throws -> [Answer] {
        try await withThrowingTaskGroup(of: [(Int, Answer)].self) { group in
            for task in 0..<tasks {
                group.addTask {
                    var answers: [(Int, Answer)] = []
                    for round in 0..<3 {
                        for index in stride(from: (task + round) % tasks, to: items.count, by: tasks) {
                            answers.append((index, try work(items[index])))
                        }
                    }
                    return answers
                }
            }
            var byIndex: [Int: [Answer]] = [:]
            for try await answers in group { for (index, answer) in answers { byIndex[index, default: []].append(answer) } }
            return try items.indices.map { index in
                let all = try #require(byIndex[index])
                #expect(all.count == 3)
                return all[0]
            }
        }
    }

    @Test func lookupsOnOneSharedIndexMatchTheSequentialAnswers() async throws {
        let memory = try MemoryLookup.index([try MemoryLookup.Source(.file(Self.root.appendingPathComponent("TMX/un-testset.en-ru-zh.tmx").path))],
                                            from: LanguageTag("en"), to: LanguageTag("ru"))
        let shared = try SharedMemoryIndex(memory.index)
        let queries = try Self.englishSentences(limit: 160).enumerated().map { position, sentence in
            // Near copies: a word changed or a number added, so that fuzzy search does real work.
            position % 2 == 0 ? sentence.replacingOccurrences(of: " the ", with: " a ") : sentence + " 2024"
        }
        @Sendable func answer(_ query: String) throws -> [String] {
            try shared.lookup(Segment(query), minimum: 50, limit: 5).map { "\($0.score) \($0.entry.unit.tuid ?? "") \($0.adaptedTarget ?? $0.entry.target.segment.plainText)" }
        }
        let sequential = try queries.map(answer)
        #expect(sequential.contains { !$0.isEmpty })
        let concurrent = try await Self.concurrently(queries) { try answer($0) }
        #expect(concurrent == sequential)
    }

    @Test func recognitionWithOneSharedRecogniserMatchesTheSequentialAnswers() async throws {
        let glossary = try TermLookup.glossaries([.file(Self.root.appendingPathComponent("Glossaries/sco.tbx").path)])
        let recognizer = try TermRecognizer(glossaries: glossary, language: LanguageTag("en"))
        let sentences = try Self.englishSentences(limit: 400)
        @Sendable func answer(_ sentence: String) throws -> [String] {
            try recognizer.hits(in: sentence).map { "\($0.concept.id)@\($0.range)" }
        }
        let sequential = try sentences.map(answer)
        #expect(sequential.contains { !$0.isEmpty })
        #expect(try await Self.concurrently(sentences) { try answer($0) } == sequential)
    }

    @Test func segmentationWithOneSharedSegmenterMatchesTheSequentialAnswers() async throws {
        let segmenter = try Segmenter(ruleSet: DocumentSegmentation.defaultRules(), language: LanguageTag("en"))
        let sentences = try Self.englishSentences(limit: 400)
        // Paragraphs of three to five sentences each.
        let paragraphs = stride(from: 0, to: sentences.count, by: 4).map { sentences[$0..<min(sentences.count, $0 + 3 + $0 % 3)].joined(separator: " ") }
        @Sendable func answer(_ paragraph: String) throws -> [Range<Int>] { try segmenter.sentences(in: paragraph) }
        let sequential = try paragraphs.map(answer)
        #expect(try await Self.concurrently(paragraphs) { try answer($0) } == sequential)
    }
}
