import CICU

/// The writing systems Concord tells apart (for tokenisation, folding and language checks).
public enum Script: String, Sendable, CaseIterable {
    case latin, cyrillic, han, kana, hangul, arabic, greek
    /// Digits, punctuation and spaces, shared by every script.
    case common
    case other

    /// The script of one scalar (ICU's Script property, with Hiragana and Katakana as kana).
    public init(of scalar: Unicode.Scalar) {
        if scalar.value < 0x80 {
            let v = scalar.value
            self = (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) ? .latin : .common
            return
        }
        switch cicu_script(scalar.value) {
        case 0, 1: self = .common // Common, Inherited
        case 25: self = .latin
        case 8: self = .cyrillic
        case 17: self = .han
        case 20, 22: self = .kana // Hiragana, Katakana
        case 18: self = .hangul
        case 2: self = .arabic
        case 14: self = .greek
        default: self = .other
        }
    }

    /// The most frequent script among the letters of `text`, or `.common` when it has none.
    public static func dominant(in text: some StringProtocol) -> Script {
        var counts: [Script: Int] = [:]
        for scalar in text.unicodeScalars {
            let script = Script(of: scalar)
            if script != .common { counts[script, default: 0] += 1 }
        }
        return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key.rawValue > $1.key.rawValue) }?.key ?? .common
    }
}
