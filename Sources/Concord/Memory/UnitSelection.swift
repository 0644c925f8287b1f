import ConcordFormats
import ConcordModel

/// Which units and variants a command keeps (`--langs`, `--since`, `--prop`,
/// `--drop-empty`, `--drop-untranslated`).
public struct UnitSelection: Sendable, Codable, Equatable {
    /// Language patterns to keep (`en` keeps every `en-*`); empty keeps all.
    public var languages: [LanguageTag] = []
    /// Keep units changed (or created) at or after this moment.
    public var since: Timestamp?
    /// Keep units that carry every one of these props (on the unit or a variant).
    public var properties: [PropertyFilter] = []
    /// Drop units whose target is empty.
    public var dropEmpty = false
    /// Drop units whose target equals the source or holds only codes.
    public var dropUntranslated = false

    public init() {}

    /// The unit as kept (variants outside `languages` removed), or nil when it is dropped.
    /// `defaultSource` is the header's source language.
    public func apply(to unit: TranslationUnit, defaultSource: LanguageTag?) -> TranslationUnit? {
        var unit = unit
        if !languages.isEmpty {
            unit.variants.removeAll { variant in !languages.contains { $0.matches(variant.language) } }
            if unit.variants.isEmpty { return nil }
        }
        if let since {
            guard let date = unit.latestDate, date >= since else { return nil }
        }
        for wanted in properties {
            let all = unit.properties + unit.variants.flatMap(\.properties)
            guard all.contains(where: { $0.type == wanted.type && $0.value == wanted.value }) else { return nil }
        }
        if dropEmpty || dropUntranslated {
            let sourceIndex = Self.sourceIndex(of: unit, defaultSource: defaultSource)
            let source = sourceIndex.map { unit.variants[$0].segment.plainText }
            let targets = unit.variants.indices.filter { $0 != sourceIndex }.map { unit.variants[$0].segment }
            // A target is empty when it has neither text nor codes.
            if dropEmpty, targets.allSatisfy({ $0.plainText.allSatisfy(\.isWhitespace) && $0.codeKinds.isEmpty }) { return nil }
            if dropUntranslated, targets.isEmpty || targets.allSatisfy({ $0.plainText == source || $0.isCodesOnly }) { return nil }
        }
        return unit
    }

    /// The variant that is the source: the unit's srclang, else the header's, else the first.
    static func sourceIndex(of unit: TranslationUnit, defaultSource: LanguageTag?) -> Int? {
        if let tag = unit.sourceLanguage ?? defaultSource, let index = unit.variants.firstIndex(where: { tag.matches($0.language) }) {
            return index
        }
        return unit.variants.isEmpty ? nil : 0
    }

    /// Parses `TYPE=VALUE`.
    public static func parseProperty(_ text: String) -> PropertyFilter? {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else { return nil }
        return PropertyFilter(type: String(text[..<equals]), value: String(text[text.index(after: equals)...]))
    }
}

/// A property a unit must carry (`--prop TYPE=VALUE`).
public struct PropertyFilter: Sendable, Equatable, Codable {
    public var type: String
    public var value: String

    public init(type: String, value: String) {
        self.type = type
        self.value = value
    }
}
