import ConcordModel

/// The language pair a store's index file is for: entries whose source is in `from` and
/// whose target is in `to` (a tag matches its subtags: `en` indexes `en-GB` too).
public struct StoreIndexPair: Sendable, Hashable, CustomStringConvertible {
    public var from: LanguageTag
    public var to: LanguageTag

    public init(from: LanguageTag, to: LanguageTag) {
        self.from = from
        self.to = to
    }

    /// As written in the file.
    var text: String { "\(from.canonical) \(to.canonical)" }

    public var description: String { "\(from.canonical) → \(to.canonical)" }

    /// The file name in the store's index folder: the tags, with anything but letters, digits
    /// and hyphens left out (tags have nothing else; a typed tag must not reach another folder).
    var fileName: String {
        func safe(_ tag: LanguageTag) -> String {
            String(tag.canonical.unicodeScalars.filter { ("0"..."9").contains($0) || ("a"..."z").contains($0)
                || ("A"..."Z").contains($0) || $0 == "-" }.map(Character.init))
        }
        return "\(safe(from))_\(safe(to)).cidx"
    }

    /// The pair a file name stands for, if it is one.
    init?(fileName: String) {
        guard fileName.hasSuffix(".cidx") else { return nil }
        let parts = fileName.dropLast(5).split(separator: "_")
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        self.init(from: LanguageTag(String(parts[0])), to: LanguageTag(String(parts[1])))
    }
}
