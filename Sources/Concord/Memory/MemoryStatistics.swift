import ConcordFormats
import ConcordModel

/// What a memory file holds: units, variants per language, header, findings.
public struct MemoryStatistics: Sendable {
    public var units = 0
    /// Variants per language, in order of first appearance (tags in canonical case).
    public var variantsPerLanguage: [(language: LanguageTag, count: Int)] = []
    public var header: TMXHeader
    public var diagnostics: [Diagnostic] = []

    /// Reads `path` through the same reader every command uses.
    public static func compute(path: String, recover: Bool = false) throws -> MemoryStatistics {
        // Counting needs structure, not text: the reader skips building strings.
        let source = try UnitSourceOpener.open(path: path, recover: recover, readsText: false)
        var statistics = MemoryStatistics(header: source.header)
        while let unit = try source.next() {
            statistics.units += 1
            for variant in unit.variants {
                // A memory has a handful of languages: a scan beats hashing every tag.
                if let position = statistics.variantsPerLanguage.firstIndex(where: { $0.language == variant.language }) {
                    statistics.variantsPerLanguage[position].count += 1
                } else {
                    statistics.variantsPerLanguage.append((variant.language, 1))
                }
            }
        }
        statistics.header = source.header
        statistics.diagnostics = source.diagnostics
        return statistics
    }
}
