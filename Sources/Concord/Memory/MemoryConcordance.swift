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

    public static func search(_ phrase: String, language: LanguageTag, units: [TranslationUnit], limit: Int = 100) throws -> [Line] {
        let concept = Concept(id: "phrase", terms: [Term(text: phrase, language: language)])
        let recognizer = try TermRecognizer(glossaries: [Glossary(concepts: [concept])], language: language)
        var lines: [Line] = []
        for unit in units {
            for variant in unit.variants(for: language) {
                let hits = try recognizer.hits(in: variant.segment.plainText)
                guard !hits.isEmpty else { continue }
                lines.append(Line(unit: unit, found: variant, ranges: hits.map(\.range),
                                  others: unit.variants.filter { !language.matches($0.language) }))
                if lines.count >= limit { return lines }
            }
        }
        return lines
    }

    /// Replaces the text of the `language` variant of the units with `tuid` (`concord tm edit`); returns how many changed.
    public static func edit(tuid: String, language: LanguageTag, text: String, in store: MemoryStore) throws -> Int {
        var changed = 0
        try store.write { writer in
            for (id, var unit) in try writer.units(tuid: tuid) {
                for index in unit.variants.indices where language.matches(unit.variants[index].language) {
                    unit.variants[index].segment = Segment(text)
                    unit.variants[index].info.changeDate = Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
                }
                try writer.replace(id: id, with: unit)
                changed += 1
            }
        }
        return changed
    }
}
