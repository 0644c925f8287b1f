import ConcordFormats
import ConcordMemory
import ConcordModel
import ConcordSegmentation
import ConcordTerminology
import Foundation

/// `concord prepare`: releases segmented, every segment looked up in the memories (exact,
/// context and fuzzy) and the glossaries, for each target language; with the analysis a
/// project manager prices the work by.
public struct PrepareRequest: Codable, Sendable {
    public enum Lock: String, Codable, Sendable, CaseIterable {
        /// Context matches (101 and 102) are locked.
        case context = "101"
        /// Context and 100 % matches are locked.
        case exact = "100"
    }

    public var releases: [InputLocation]
    public var sourceLanguage: LanguageTag
    public var targetLanguages: [LanguageTag]
    public var memories: [MemoryLookup.Source]
    public var stores: [String]
    /// nil: the SCO glossary shipped with Concord.
    public var glossaries: [InputLocation]?
    public var lock: Lock?
    public var weights: AnalysisWeights
    public var encoding: String?
    /// Matches offered per segment, and the lowest score offered.
    public var matchesPerSegment = 3
    public var minimumScore = 50

    public init(releases: [InputLocation], sourceLanguage: LanguageTag, targetLanguages: [LanguageTag], memories: [MemoryLookup.Source] = [],
                stores: [String] = [], glossaries: [InputLocation]? = nil, lock: Lock? = nil, weights: AnalysisWeights = .standard,
                encoding: String? = nil) {
        self.releases = releases
        self.sourceLanguage = sourceLanguage
        self.targetLanguages = targetLanguages
        self.memories = memories
        self.stores = stores
        self.glossaries = glossaries
        self.lock = lock
        self.weights = weights
        self.encoding = encoding
    }

    /// Prepares every release for every target language; `progress(done, total)` after each.
    public func run(progress: (Int, Int) -> Void = { _, _ in }) throws -> PrepareResult {
        for release in releases { try release.requireExisting() }
        let glossaryList = try glossaries.map(TermLookup.glossaries) ?? [DocumentSegmentation.bundledGlossary()]
        let origins = glossaries?.map { ($0.name as NSString).lastPathComponent } ?? ["sco.tbx"]
        let segmenter = try Segmenter(ruleSet: DocumentSegmentation.defaultRules(), language: sourceLanguage)
        let recognizer = glossaryList.isEmpty ? nil : try TermRecognizer(glossaries: glossaryList, language: sourceLanguage)
        var diagnostics = TermLookup.languageWarnings(glossaryList, inputs: glossaries ?? [], languages: [sourceLanguage] + targetLanguages)
        let documents = try releases.map { try read($0, segmenter: segmenter, recognizer: recognizer, diagnostics: &diagnostics) }
        var prepared: [PreparedRelease] = []
        var analyses: [String: TranslationAnalysis] = [:]
        let total = documents.count * targetLanguages.count
        for language in targetLanguages {
            let memory = try MemoryLookup.index(memories, stores: stores, from: sourceLanguage, to: language)
            diagnostics += memory.diagnostics
            var seen = Set<String>()
            var analysis = TranslationAnalysis()
            for document in documents {
                let release = try prepare(document, for: language, memory: memory.index, seen: &seen,
                                          origin: { origins.indices.contains($0) ? origins[$0] : "glossary" })
                for segment in release.segments { analysis.add(words: segment.words, band: segment.band, weights: weights) }
                prepared.append(release)
                progress(prepared.count, total)
            }
            analyses[language.canonical] = analysis
        }
        return PrepareResult(releases: prepared, analyses: analyses, diagnostics: diagnostics)
    }

    /// A release read and segmented once, whatever the target languages.
    struct ReadRelease {
        let name: String
        let format: String
        let original: String
        let segments: [SentenceSegment]
        let inlineTags: [PositionedTag]
        let hits: [[TermHit]]
    }

    private func read(_ input: InputLocation, segmenter: Segmenter, recognizer: TermRecognizer?, diagnostics: inout [Diagnostic]) throws -> ReadRelease {
        let format = input.path.flatMap(DocumentFormat.init(path:)) ?? .txt
        let document = try DocumentSegmentation.readDocument(input, format: format, encoding: encoding)
        if let empty = DocumentSegmentation.emptiness(of: document, name: input.name) { diagnostics.append(empty) }
        let segments = try DocumentSegmentation.segment(document, with: segmenter)
        let bytes = [UInt8](try TextFileBytes.read(input, checksBinary: encoding == nil))
        let original = try TextDecoding.decode(bytes, fileName: input.name, encoding: encoding)
        let hits = try segments.map { try recognizer?.hits(in: $0.text) ?? [] }
        return ReadRelease(name: (input.name as NSString).lastPathComponent, format: format.rawValue, original: original, segments: segments,
                           inlineTags: document.inlineTags, hits: hits)
    }

    /// A segment's text without inline markup (what lookups and contexts compare).
    private func plain(_ segment: SentenceSegment, _ release: ReadRelease) -> String {
        release.format == "md" ? (MarkdownCodes.tagged(segment.text)?.plainText ?? segment.text) : segment.text
    }

    private func prepare(_ release: ReadRelease, for language: LanguageTag, memory: TranslationMemoryIndex, seen: inout Set<String>,
                         origin: (Int) -> String) throws -> PreparedRelease {
        var segments: [PreparedSegment] = []
        for (index, segment) in release.segments.enumerated() {
            let codes = SegmentCodes.tagged(segment, format: release.format, tags: release.inlineTags)
            let text = codes?.plainText ?? segment.text
            // The document's start is the first segment's context (as in Trados): "" before it.
            let previous = index > 0 ? plain(release.segments[index - 1], release) : ""
            let next = index + 1 < release.segments.count ? plain(release.segments[index + 1], release) : nil
            let result = try LookupRequest(query: text, previous: previous, next: next, minimum: minimumScore, limit: matchesPerSegment)
                .run(in: memory)
            let repetition = !seen.insert(text).inserted
            let band = AnalysisBand.of(score: result.matches.first?.score, repetition: repetition)
            let locked = lock.map { $0 == .context ? band == .context : (band == .context || band == .exact) } ?? false
            let terms = release.hits[index].map { PreparedTerm($0, in: language, origin: origin(0)) }
            segments.append(PreparedSegment(id: "s\(index + 1)", paragraph: segment.paragraph, text: text, codes: codes, words: WordCount.count(text),
                                            matches: result.matches, band: band, terms: terms, locked: locked))
        }
        let skeleton = ReleaseSkeleton(original: release.original, format: release.format, segments: zip(segments, release.segments).map { prepared, read in
            // Markdown keeps its markup in the text; HTML's is between the pieces.
            (prepared.id, release.format == "md" ? [read.text] : prepared.codes.map(SegmentCodes.textPieces) ?? [prepared.text])
        })
        return PreparedRelease(name: release.name, format: release.format, sourceLanguage: sourceLanguage, targetLanguage: language,
                               segments: segments, skeleton: skeleton.text, unplaced: skeleton.unplaced)
    }
}

/// Every release prepared for every target language, the analysis per language, and what was odd.
public struct PrepareResult: Codable, Sendable {
    public var releases: [PreparedRelease]
    /// By target language (`ru`, `zh`).
    public var analyses: [String: TranslationAnalysis]
    public var diagnostics: [Diagnostic]
}
