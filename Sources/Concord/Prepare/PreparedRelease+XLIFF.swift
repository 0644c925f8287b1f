import ConcordFormats
import Foundation

extension PreparedRelease {
    /// The release as an XLIFF document for a CAT tool: a group per paragraph, a unit per
    /// segment with its matches and glossary entries; context and 100 % matches filled in as the
    /// target (state translated, with a note of where they came from), locked ones marked
    /// not to be translated; the skeleton carried along for `concord finish`.
    /// `copySource`: untranslated units get their source as the target (state initial), for
    /// tools that translate the target's text (OmegaT 3.6).
    public func xliff(_ version: XLIFFVersion, copySource: Bool = false) -> XLIFFDocument {
        var groups: [XLIFFGroup] = []
        for segment in segments {
            var unit = unit(for: segment)
            if copySource, unit.target == nil {
                unit.target = unit.source
                unit.targetCodes = unit.sourceCodes
            }
            if let last = groups.last, last.id == "p\(segment.paragraph + 1)" {
                groups[groups.count - 1].units.append(unit)
            } else {
                groups.append(XLIFFGroup(id: "p\(segment.paragraph + 1)", units: [unit]))
            }
        }
        let file = XLIFFFile(id: "f1", original: name, format: format, skeleton: skeleton, groups: groups)
        return XLIFFDocument(version: version, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, files: [file])
    }

    private func unit(for segment: PreparedSegment) -> XLIFFUnit {
        var unit = XLIFFUnit(id: segment.id, source: segment.text, translate: !segment.locked)
        unit.sourceCodes = segment.codes
        unit.matches = segment.matches.map { match in
            XLIFFMatch(similarity: Double(min(100, match.score)), context: match.score > 100, origin: match.origin,
                       source: match.source, target: match.adaptedTarget ?? match.target)
        }
        unit.glossary = segment.terms.map { term in
            XLIFFGlossEntry(term: term.text, origin: term.origin,
                            translations: term.translations.map { .init(text: $0.term, deprecated: !$0.status.isRecommended) })
        }
        if let prefilled = segment.prefilled, let best = segment.matches.first {
            unit.target = prefilled
            unit.state = .translated
            let kind = best.score > 100 ? "context match (\(best.score))" : "100% match"
            unit.notes.append("Concord: \(kind) from \(best.origin)")
        }
        return unit
    }
}
