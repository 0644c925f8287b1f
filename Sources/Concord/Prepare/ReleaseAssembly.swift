import ConcordFormats
import Foundation

/// The way back: a translated XLIFF file (or a prepared release with its matches, for a draft)
/// turned into the release in its original format and layout, each segment's translation in
/// its place; segments without one keep their source text and are reported.
public enum ReleaseAssembly {
    /// What `concord finish` gives: one rebuilt document per file of the XLIFF.
    public struct Rebuilt: Sendable, Equatable {
        public var original: String
        public var format: String
        public var text: String
        /// Units left in the source language (no target, or an empty one).
        public var untranslated: [String]
        /// Units the skeleton had no place for (inline markup in the original): not in the output.
        public var unplaced: [String]
    }

    /// `states`: the states whose targets count (nil: see ``XLIFFUnit/isTranslated(states:)``).
    public static func finish(_ document: XLIFFDocument, states: Set<XLIFFState>? = nil) throws -> [Rebuilt] {
        try document.files.map { file in
            guard let skeleton = file.skeleton else {
                throw WorkflowError.usage("\(file.original): the XLIFF file carries no skeleton of the original (was it written by concord prepare?)")
            }
            var texts: [String: String] = [:]
            var untranslated: [String] = []
            let units = file.groups.flatMap(\.units)
            for unit in units {
                if unit.isTranslated(states: states), let target = unit.target {
                    texts[unit.id] = rendered(target, unit.targetCodes, format: file.format)
                } else {
                    texts[unit.id] = rendered(unit.source, unit.sourceCodes, format: file.format)
                    untranslated.append(unit.id)
                }
            }
            let placed = Set(Self.markers(in: skeleton))
            return Rebuilt(original: file.original, format: file.format, text: ReleaseSkeleton(text: skeleton, unplaced: []).fill(texts),
                           untranslated: untranslated, unplaced: units.map(\.id).filter { !placed.contains($0) })
        }
    }

    /// A draft of the release: exact, context and high fuzzy matches (at least `minimum`) put in,
    /// the rest left in the source language.
    public static func draft(_ release: PreparedRelease, minimum: Int = 95) -> String {
        var texts: [String: String] = [:]
        for segment in release.segments {
            if let best = segment.matches.first, best.score >= minimum {
                texts[segment.id] = rendered(best.adaptedTarget ?? best.target, nil, format: release.format)
            } else {
                texts[segment.id] = rendered(segment.text, segment.codes, format: release.format)
            }
        }
        return ReleaseSkeleton(text: release.skeleton, unplaced: release.unplaced).fill(texts)
    }

    /// A text as the document writes it: with its codes' markup, escaped for HTML.
    static func rendered(_ plain: String, _ codes: TaggedText?, format: String) -> String {
        if let codes { return SegmentCodes.render(codes, format: format) }
        return format == "html" ? ReleaseSkeleton.escapeHTML(plain) : plain
    }

    static func markers(in skeleton: String) -> [String] {
        skeleton.matches(of: /\{\{concord:([^}]+)\}\}/).map { String($0.1) }
    }
}
