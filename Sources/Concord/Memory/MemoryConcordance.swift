import ConcordFormats
import ConcordMemory
import ConcordModel
import ConcordTerminology
import Foundation

/// `concord tm concordance`: a word or phrase in the sources or targets of a
/// memory, folded and inflection-aware (the terminology recogniser with the
/// phrase as its only term), with the aligned other side and highlights.
public enum MemoryConcordance {
    public struct Line: Sendable {
        public var unit: TranslationUnit
        /// The variant the phrase was found in.
        public var found: Variant
        /// Where, in Unicode scalars of the variant's plain text.
        public var ranges: [Range<Int>]
        /// The other variants of the unit.
        public var others: [Variant]
    }

    /// Searches stores and memory files one unit at a time (a big store is never held
    /// in memory) and stops at `limit` lines.
    public static func search(_ phrase: String, language: LanguageTag, stores: [MemoryStore], files: [InputLocation], limit: Int = 100) throws -> [Line] {
        for file in files { try file.requireExisting() }
        let finder = try Finder(phrase: phrase, language: language)
        var lines: [Line] = []
        for store in stores where lines.count < limit {
            try store.forEachUnit { _, unit in
                lines += try finder.lines(in: unit)
                return lines.count < limit
            }
        }
        for file in files where lines.count < limit {
            let source = try UnitSourceOpener.open(file)
            while lines.count < limit, let unit = try source.next() { lines += try finder.lines(in: unit) }
        }
        return Array(lines.prefix(limit))
    }

    /// The phrase as the only term of a recogniser.
    public struct Finder {
        let language: LanguageTag
        let recognizer: TermRecognizer

        public init(phrase: String, language: LanguageTag) throws {
            self.language = language
            let concept = Concept(id: "phrase", terms: [Term(text: phrase, language: language)])
            recognizer = try TermRecognizer(glossaries: [Glossary(concepts: [concept])], language: language)
        }

        /// The lines of one unit: each of its `language` variants holding the phrase.
        public func lines(in unit: TranslationUnit) throws -> [Line] {
            var lines: [Line] = []
            for variant in unit.variants(for: language) {
                let hits = try recognizer.hits(in: variant.segment.plainText)
                guard !hits.isEmpty else { continue }
                lines.append(Line(unit: unit, found: variant, ranges: hits.map(\.range),
                                  others: unit.variants.filter { !language.matches($0.language) }))
            }
            return lines
        }
    }

    /// Replaces the text of the `language` variant of the units with `tuid` (`concord tm edit`); returns how many changed.
    public static func edit(tuid: String, language: LanguageTag, text: String, in store: MemoryStore) throws -> Int {
        var changed = 0
        try store.write { writer in
            for stored in try writer.units(tuid: tuid) {
                var unit = stored.unit
                // A unit without a variant in `language` is not changed (nor counted as changed).
                let variants = unit.variants.indices.filter { language.matches(unit.variants[$0].language) }
                guard !variants.isEmpty else { continue }
                for index in variants {
                    unit.variants[index].segment = Segment(text)
                    unit.variants[index].info.changeDate = Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
                }
                try writer.replace(id: stored.id, with: unit)
                changed += 1
            }
        }
        if changed > 0 { _ = StoreIndexWorkflow.refresh(store) }
        return changed
    }
}
