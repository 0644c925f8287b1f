import ConcordModel
import ConcordXML

/// One unit as a piece of TMX: how the memory store keeps units losslessly.
public enum TMXFragment {
    /// The unit's `<tu>` element, UTF-8.
    public static func encode(_ unit: TranslationUnit) throws -> [UInt8] {
        var bytes: [UInt8] = []
        let writer = try TMXWriter(header: TMXHeader(), fileName: "fragment") { bytes += $0 }
        try writer.write(unit)
        try writer.finish()
        // The document around the unit is the writer's; keep the <tu> element only.
        guard let open = bytes.firstRange(of: Array("<tu".utf8)), let close = bytes.lastRange(of: Array("</tu>".utf8)) else {
            return []
        }
        return Array(bytes[open.lowerBound..<close.upperBound])
    }

    /// Units back from fragments.
    public static func decode(_ fragments: [[UInt8]]) throws -> [TranslationUnit] {
        var document = Array(#"<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header creationtool="Concord" creationtoolversion="0" segtype="sentence" o-tmf="Concord" adminlang="en" srclang="*all*" datatype="plaintext"/><body>"#.utf8)
        for fragment in fragments { document += fragment }
        document += Array("</body></tmx>".utf8)
        return try TMXReader(source: MemoryByteSource(document), fileName: "memory store").readAll()
    }
}

private extension Array where Element == UInt8 {
    func firstRange(of needle: [UInt8]) -> Range<Int>? {
        guard needle.count <= count else { return nil }
        for start in 0...(count - needle.count) where self[start..<start + needle.count].elementsEqual(needle) { return start..<start + needle.count }
        return nil
    }

    func lastRange(of needle: [UInt8]) -> Range<Int>? {
        guard needle.count <= count else { return nil }
        for start in stride(from: count - needle.count, through: 0, by: -1) where self[start..<start + needle.count].elementsEqual(needle) {
            return start..<start + needle.count
        }
        return nil
    }
}
