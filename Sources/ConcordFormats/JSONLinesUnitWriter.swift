import ConcordModel
import Foundation

/// Writes one unit per line as JSON:
/// `{"tuid": ..., "variants": [{"lang": ..., "text": ...}], "props": [{"type": ..., "value": ...}], "notes": [...]}`.
public final class JSONLinesUnitWriter {
    private let sink: (String) throws -> Void
    private let encoder: JSONEncoder

    public init(sink: @escaping (String) throws -> Void) {
        self.sink = sink
        encoder = JSONEncoder()
        // Sorted keys: the same unit always gives the same line (diffable output).
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
    }

    public func write(_ unit: TranslationUnit) throws {
        let line = Line(tuid: unit.tuid,
                        variants: unit.variants.map { .init(lang: $0.language.canonical, text: $0.segment.plainText) },
                        props: unit.properties.map { .init(type: $0.type, value: $0.value) },
                        notes: unit.notes.map(\.text))
        try sink(String(decoding: try encoder.encode(line), as: UTF8.self) + "\n")
    }

    private struct Line: Encodable {
        struct VariantLine: Encodable { let lang: String; let text: String }
        struct PropLine: Encodable { let type: String; let value: String }
        let tuid: String?
        let variants: [VariantLine]
        let props: [PropLine]
        let notes: [String]

        enum CodingKeys: String, CodingKey { case tuid, variants, props, notes }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(tuid, forKey: .tuid) // null when absent, so every line has the same keys
            try container.encode(variants, forKey: .variants)
            try container.encode(props, forKey: .props)
            try container.encode(notes, forKey: .notes)
        }
    }
}
