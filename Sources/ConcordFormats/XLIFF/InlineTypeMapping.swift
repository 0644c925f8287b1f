import ConcordModel

/// Tag types between TMX's words and the XLIFF versions' closed lists.
enum InlineTypeMapping {
    /// XLIFF 2.0 `type` and `subType` for a TMX type (`bold` → `fmt` + `xlf:b`); other words
    /// travel as `other` + `tmx:WORD` when they fit the subType syntax.
    static func xliff20(_ type: String?) -> (type: String, subType: String?)? {
        guard let type else { return nil }
        switch type {
        case "bold": return ("fmt", "xlf:b")
        case "italic": return ("fmt", "xlf:i")
        case "ulined", "underlined": return ("fmt", "xlf:u")
        case "lb": return ("fmt", "xlf:lb")
        case "link": return ("link", nil)
        case "image", "graphic": return ("image", nil)
        case "quote": return ("quote", nil)
        default:
            let fits = !type.isEmpty && type.allSatisfy { !$0.isWhitespace && $0 != ":" }
            return fits ? ("other", "tmx:" + type) : nil
        }
    }

    /// The TMX word for XLIFF 2.0 `type` and `subType`.
    static func fromXLIFF20(type: String?, subType: String?) -> String? {
        switch (type, subType) {
        case (_, "xlf:b"?): return "bold"
        case (_, "xlf:i"?): return "italic"
        case (_, "xlf:u"?): return "ulined"
        case (_, "xlf:lb"?): return "lb"
        case let (_, subType?) where subType.hasPrefix("tmx:"): return String(subType.dropFirst(4))
        case ("link"?, _): return "link"
        case ("image"?, _): return "image"
        case ("quote"?, _): return "quote"
        default: return nil
        }
    }

    /// XLIFF 1.2 `ctype` for a TMX type (`ulined` → `underlined`; unknown words as `x-WORD`).
    static func xliff12(_ type: String?) -> String? {
        guard let type, !type.isEmpty, type.allSatisfy({ !$0.isWhitespace }) else { return nil }
        switch type {
        case "bold", "italic", "link", "image", "lb": return type
        case "ulined", "underlined": return "underlined"
        default: return "x-" + type      // always prefixed, so that reading strips exactly one
        }
    }

    /// The TMX word for an XLIFF 1.2 `ctype`.
    static func fromXLIFF12(_ ctype: String?) -> String? {
        guard let ctype else { return nil }
        switch ctype {
        case "underlined": return "ulined"
        default: return ctype.hasPrefix("x-") ? String(ctype.dropFirst(2)) : ctype
        }
    }
}
