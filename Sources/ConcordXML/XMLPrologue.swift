/// What the first bytes of a document say about how to parse it.
enum XMLPrologue {
    /// True when the bytes, read as an ASCII-compatible encoding, show the
    /// root element's start with nothing before it but an XML declaration,
    /// comments, processing instructions and a DOCTYPE without an internal
    /// subset: a document that declares no entities, which the fast SAX path
    /// reads. Anything else (UTF-16, an internal subset, a prologue longer
    /// than the bytes given) goes the careful way.
    static func allowsFastPath(_ head: [UInt8]) -> Bool {
        var index = 0
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        func find(_ needle: [UInt8], from start: Int) -> Int? {
            guard needle.count <= head.count else { return nil }
            var position = start
            while position + needle.count <= head.count {
                if head[position] == needle[0], head[position..<position + needle.count].elementsEqual(needle) { return position }
                position += 1
            }
            return nil
        }
        while index < head.count {
            switch head[index] {
            case 0x20, 0x09, 0x0A, 0x0D:
                index += 1
                continue
            case UInt8(ascii: "<"):
                break
            default:
                return false
            }
            guard index + 1 < head.count else { return false }
            let next = head[index + 1]
            if next == UInt8(ascii: "?") {
                guard let end = find(Array("?>".utf8), from: index + 2) else { return false }
                index = end + 2
            } else if head[index...].starts(with: Array("<!--".utf8)) {
                guard let end = find(Array("-->".utf8), from: index + 4) else { return false }
                index = end + 3
            } else if head[index...].starts(with: Array("<!DOCTYPE".utf8)) {
                // Quoted identifiers hold no '>' or '[' in practice; anything odd goes the careful way.
                guard let end = find([UInt8(ascii: ">")], from: index) else { return false }
                if head[index..<end].contains(UInt8(ascii: "[")) { return false }
                index = end + 1
            } else {
                // A name start: the root element (the parser judges the rest).
                return next != UInt8(ascii: "!") && next >= 0x41
            }
        }
        return false
    }
}
