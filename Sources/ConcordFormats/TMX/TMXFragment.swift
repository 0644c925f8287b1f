import ConcordModel
import ConcordXML

/// One unit as a piece of TMX: how the memory store keeps units losslessly.
public enum TMXFragment {
    /// Encodes units one by one as `<tu>` elements, with one writer for all. Not thread-safe.
    public final class Encoder {
        private final class Buffer { var bytes: [UInt8] = [] }
        private let buffer = Buffer()
        private let writer: TMXWriter

        public init() throws {
            // No indentation: a store holds a million of these, and only machines read them.
            writer = try TMXWriter(header: TMXHeader(), fileName: "fragment", indent: false) { [buffer] in buffer.bytes += $0 }
        }

        /// The unit's `<tu>` element, UTF-8.
        public func encode(_ unit: TranslationUnit) throws -> [UInt8] {
            try writer.flush()
            buffer.bytes.removeAll(keepingCapacity: true)
            try writer.write(unit)
            try writer.flush()
            guard let open = buffer.bytes.firstRange(of: Array("<tu".utf8)), let close = buffer.bytes.lastRange(of: Array("</tu>".utf8)) else {
                return []
            }
            return Array(buffer.bytes[open.lowerBound..<close.upperBound])
        }
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
