import ConcordModel
import Foundation

/// The translated units of an XLIFF file as translation units, so that `tm import`, `tm lookup`
/// and `tmx convert` read a finished translation like any memory: each unit whose target is in
/// one of `states` (by default: see ``XLIFFUnit/isTranslated(states:)``) becomes a unit with the document's
/// name (`x-document`) and its neighbouring source segments (`x-context-pre`, `x-context-post`),
/// so that the same sentence in the same place is a context match next time.
public final class XLIFFUnitSource: UnitSource {
    public let metadata: MemoryMetadata
    public private(set) var diagnostics: [Diagnostic] = []
    private var units: [TranslationUnit] = []
    private var position = 0

    public init(input: InputLocation, states: Set<XLIFFState>? = nil) throws {
        let document = try XLIFFReader.read(input)
        var metadata = MemoryMetadata()
        metadata.sourceLanguage = document.sourceLanguage.canonical
        metadata.creationTool = "XLIFF \(document.version.rawValue)"
        self.metadata = metadata
        guard let targetLanguage = document.targetLanguage else { return }
        for file in document.files {
            let all = file.groups.flatMap(\.units)
            for (index, unit) in all.enumerated() {
                guard unit.isTranslated(states: states), let target = unit.target else { continue }
                var properties = [Property(type: "x-document", value: file.original)]
                // The first unit's context is the document's start, written as an empty context.
                properties.append(Property(type: "x-context-pre", value: index > 0 ? all[index - 1].source : ""))
                if index + 1 < all.count { properties.append(Property(type: "x-context-post", value: all[index + 1].source)) }
                units.append(TranslationUnit(sourceLanguage: document.sourceLanguage, properties: properties, variants: [
                    Variant(language: document.sourceLanguage, segment: Segment(unit.source)),
                    Variant(language: targetLanguage, segment: Segment(target)),
                ]))
            }
        }
    }

    public func next() throws -> TranslationUnit? {
        guard position < units.count else { return nil }
        defer { position += 1 }
        return units[position]
    }

    /// Whether a path names an XLIFF file (`.xlf`, `.xliff`).
    public static func isXLIFF(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".xlf") || lower.hasSuffix(".xliff")
    }
}
