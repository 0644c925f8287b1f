import ConcordModel

/// Markdown's inline markup as tags: `**strong**` and `__strong__` (bold), `*em*` and `_em_`
/// (italic), `` `code` `` (a placeholder: code is not translated), `[text](url)` (a link whose
/// text is translated). The markup itself is the tag's native code, so that it comes back as written.
enum MarkdownCodes {
    static func tagged(_ text: String) -> TaggedText? {
        let scalars = Array(text.unicodeScalars)
        var runs: [TaggedRun] = []
        var buffer = String.UnicodeScalarView()
        var open: [(marker: String, id: String)] = []
        var nextID = 1
        var found = false
        func flushText() {
            if !buffer.isEmpty { runs.append(.text(String(buffer))) }
            buffer = String.UnicodeScalarView()
        }
        func tag(_ role: InlineTag.Role, _ id: String, _ type: String, _ code: String) {
            flushText()
            runs.append(.tag(InlineTag(role: role, id: id, type: type, nativeCode: [.code(code)])))
            found = true
        }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if scalar == "`", let close = scalars[(index + 1)...].firstIndex(of: "`") {
                tag(.standalone, String(nextID), "code", String(String.UnicodeScalarView(scalars[index...close])))
                nextID += 1
                index = close + 1
                continue
            }
            if scalar == "[", let middle = find("](", in: scalars, from: index + 1), let end = scalars[(middle + 2)...].firstIndex(of: ")") {
                let id = String(nextID)
                nextID += 1
                tag(.opening, id, "link", "[")
                buffer.append(contentsOf: scalars[(index + 1)..<middle])
                tag(.closing, id, "link", String(String.UnicodeScalarView(scalars[middle...end])))
                index = end + 1
                continue
            }
            if scalar == "*" || scalar == "_" {
                let marker = next == scalar ? String(scalar) + String(scalar) : String(scalar)
                let previous = index > 0 ? scalars[index - 1] : nil
                let after = index + marker.unicodeScalars.count < scalars.count ? scalars[index + marker.unicodeScalars.count] : nil
                let type = marker.count == 2 ? "bold" : "italic"
                if let last = open.last, last.marker == marker, previous.map({ !$0.properties.isWhitespace }) ?? false {
                    open.removeLast()
                    tag(.closing, last.id, type, marker)
                    index += marker.unicodeScalars.count
                    continue
                }
                if let after, !after.properties.isWhitespace, previous.map({ !$0.properties.isAlphabetic }) ?? true,
                   text.unicodeScalars.dropFirst(index + marker.unicodeScalars.count).count > 0,
                   String(String.UnicodeScalarView(scalars[(index + marker.unicodeScalars.count)...])).contains(marker) {
                    let id = String(nextID)
                    nextID += 1
                    open.append((marker, id))
                    tag(.opening, id, type, marker)
                    index += marker.unicodeScalars.count
                    continue
                }
            }
            buffer.append(scalar)
            index += 1
        }
        flushText()
        return found ? TaggedText(runs: runs) : nil
    }

    private static func find(_ needle: String, in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        let pattern = Array(needle.unicodeScalars)
        guard scalars.count >= pattern.count else { return nil }
        var index = start
        while index + pattern.count <= scalars.count {
            if Array(scalars[index..<(index + pattern.count)]) == pattern { return index }
            index += 1
        }
        return nil
    }
}
