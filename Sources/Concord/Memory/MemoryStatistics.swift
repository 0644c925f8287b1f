import ConcordFormats
import ConcordModel

/// What a memory file holds: units, variants per language, header, findings.
public struct MemoryStatistics: Sendable {
    public var units = 0
    /// Variants per language, in order of first appearance (tags in canonical case).
    public var variantsPerLanguage: [LanguageCount] = []
    public var metadata: MemoryMetadata
    public var diagnostics: [Diagnostic] = []

    /// Reads `path` through the same reader every command uses.
    public static func compute(_ input: InputLocation, recover: Bool = false) throws -> MemoryStatistics {
        try input.requireExisting()
        // Counting needs structure, not text: the reader skips building strings.
        let source = try UnitSourceOpener.open(input, recover: recover, readsText: false)
        var statistics = MemoryStatistics(metadata: source.metadata)
        while let unit = try source.next() {
            statistics.units += 1
            for variant in unit.variants {
                // A memory has a handful of languages: a scan beats hashing every tag.
                if let position = statistics.variantsPerLanguage.firstIndex(where: { $0.language == variant.language }) {
                    statistics.variantsPerLanguage[position].count += 1
                } else {
                    statistics.variantsPerLanguage.append(LanguageCount(language: variant.language, count: 1))
                }
            }
        }
        statistics.metadata = source.metadata
        statistics.diagnostics = source.diagnostics
        return statistics
    }
}

/// How many variants a memory has in one language.
public struct LanguageCount: Sendable, Equatable {
    public var language: LanguageTag
    public var count: Int
}

extension MemoryStatistics {
    /// The `tmx stats --json` object.
    public var report: TMXStatisticsReport {
        var languages: [String: Int] = [:]
        for entry in variantsPerLanguage { languages[entry.language.canonical] = entry.count }
        var report = TMXStatisticsReport(units: units, languages: languages, sourceLanguage: sourceLanguageLabel,
                                         header: TMXHeaderSummary(metadata), diagnostics: diagnostics)
        report.languageOrder = variantsPerLanguage.map(\.language.canonical)
        report.headerProperties = metadata.properties.count
        return report
    }

    /// The header's srclang in canonical case, or `*all*`.
    public var sourceLanguageLabel: String? {
        guard let value = metadata.sourceLanguage else { return nil }
        return metadata.isMultilingualSource ? "*all*" : LanguageTag(value).canonical
    }
}

/// What `tmx stats` reports about a memory file.
public struct TMXStatisticsReport: Codable, Sendable, Equatable {
    public var units: Int
    /// Variants per language tag (canonical case).
    public var languages: [String: Int]
    /// The header's srclang (`*all*` for any), when there is one.
    @NullWhenAbsent public var sourceLanguage: String?
    public var header: TMXHeaderSummary
    public var diagnostics: [Diagnostic]
    /// The languages in order of first appearance (for text output; not in the JSON).
    public var languageOrder: [String] = []
    /// How many props the header has (for text output; not in the JSON).
    public var headerProperties = 0

    private enum CodingKeys: String, CodingKey { case units, languages, sourceLanguage, header, diagnostics }
}

/// A TMX header's attributes under JSON names (camelCase words; the TMX file keeps TMX's names).
public struct TMXHeaderSummary: Codable, Sendable, Equatable {
    public var creationTool: String?
    public var creationToolVersion: String?
    public var segmentType: String?
    public var originalFormat: String?
    public var adminLanguage: String?
    public var dataType: String?
    public var version: String?

    public init(_ metadata: MemoryMetadata) {
        (creationTool, creationToolVersion, segmentType) = (metadata.creationTool, metadata.creationToolVersion, metadata.segmentType)
        (originalFormat, adminLanguage, dataType, version) = (metadata.originalFormat, metadata.adminLanguage, metadata.dataType, metadata.formatVersion)
    }
}
