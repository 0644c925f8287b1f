import ConcordModel
import Foundation

/// Writes one unit per line as JSON:
/// `{"tuid": ..., "variants": [{"language": ..., "text": ...}], "properties": [{"type": ..., "value": ...}], "notes": [...]}`,
/// through the one JSON encoding (``ConcordJSON``: sorted keys, so the same unit always gives the same line).
public final class JSONLinesUnitWriter {
    private let sink: (String) throws -> Void

    public init(sink: @escaping (String) throws -> Void) {
        self.sink = sink
    }

    public func write(_ unit: TranslationUnit) throws {
        let line = Line(tuid: unit.tuid,
                        variants: unit.variants.map { .init(language: $0.language.canonical, text: $0.segment.plainText) },
                        properties: unit.properties.map { .init(type: $0.type, value: $0.value) },
                        notes: unit.notes.map(\.text))
        try sink(try ConcordJSON.string(line) + "\n")
    }

    private struct Line: Encodable {
        struct VariantLine: Encodable { let language: String; let text: String }
        struct PropLine: Encodable { let type: String; let value: String }
        let tuid: String?
        let variants: [VariantLine]
        let properties: [PropLine]
        let notes: [String]

        enum CodingKeys: String, CodingKey { case tuid, variants, properties, notes }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(tuid, forKey: .tuid) // null when absent, so every line has the same keys
            try container.encode(variants, forKey: .variants)
            try container.encode(properties, forKey: .properties)
            try container.encode(notes, forKey: .notes)
        }
    }
}
