/// A BCP 47 language tag, compared case-insensitively and written in
/// canonical case (`en-GB`, `zh-Hans-CN`, `sr-Latn`).
///
/// A bare tag matches every variant of it: `en` matches `en-US` and `en-GB`;
/// `zh-CN` matches `zh-Hans-CN`; `en-GB` does not match `en-US`.
public struct LanguageTag: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// The tag in canonical case.
    public let canonical: String

    /// Canonicalises case: language lower, script title, region upper, the rest lower.
    /// Underscores (`en_US`, common in CAT tools) become hyphens.
    public init(_ raw: String) {
        let parts = raw.trimmingWhitespace().split(whereSeparator: { $0 == "-" || $0 == "_" })
        var result: [String] = []
        var afterSingleton = false
        for (index, part) in parts.enumerated() {
            let lower = part.lowercased()
            if index == 0 || afterSingleton {
                result.append(lower)
            } else if part.count == 1 {
                afterSingleton = true // private use (x-...) and extensions stay lower case
                result.append(lower)
            } else if part.count == 4, part.allSatisfy(\.isLetter) {
                result.append(lower.prefix(1).uppercased() + lower.dropFirst())
            } else if (part.count == 2 && part.allSatisfy(\.isLetter)) || (part.count == 3 && part.allSatisfy(\.isNumber)) {
                result.append(part.uppercased())
            } else {
                result.append(lower)
            }
        }
        canonical = result.joined(separator: "-")
    }

    public var description: String { canonical }

    /// The primary language subtag (`en` of `en-GB`).
    public var language: String { String(canonical.prefix { $0 != "-" }) }

    /// The script subtag (`Hans`), if any.
    public var script: String? { subtags.dropFirst().first { $0.count == 4 && $0.first!.isUppercase } }

    /// The region subtag (`GB`, `419`), if any.
    public var region: String? {
        subtags.dropFirst().first { ($0.count == 2 && $0.allSatisfy(\.isUppercase)) || ($0.count == 3 && $0.allSatisfy(\.isNumber)) }
    }

    private var subtags: [String] { canonical.split(separator: "-").map(String.init) }

    /// True when this tag, used as a pattern, covers `other`: same language,
    /// and the same script and region where this tag names them.
    public func matches(_ other: LanguageTag) -> Bool {
        if canonical == other.canonical { return true }
        // Fast path for a bare language tag (the common pattern): "en" covers "en-…".
        if !canonical.utf8.contains(0x2D) {
            return other.canonical.utf8.count > canonical.utf8.count && other.canonical.hasPrefix(canonical)
                && other.canonical.utf8[other.canonical.utf8.index(other.canonical.utf8.startIndex, offsetBy: canonical.utf8.count)] == 0x2D
        }
        guard language == other.language else { return false }
        if let script, script != other.script { return false }
        if let region, region != other.region { return false }
        let mine = subtags.dropFirst().filter { $0 != script && $0 != region }
        let theirs = Set(other.subtags.dropFirst())
        return mine.allSatisfy(theirs.contains)
    }

    public static func < (lhs: LanguageTag, rhs: LanguageTag) -> Bool { lhs.canonical < rhs.canonical }

    public init(from decoder: Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(canonical)
    }
}

extension StringProtocol {
    /// The string without leading and trailing white space.
    func trimmingWhitespace() -> Substring {
        let trimmedStart = drop { $0.isWhitespace }
        var end = trimmedStart.endIndex
        while end > trimmedStart.startIndex {
            let before = trimmedStart.index(before: end)
            if !trimmedStart[before].isWhitespace { break }
            end = before
        }
        return Substring(trimmedStart[trimmedStart.startIndex..<end])
    }
}
