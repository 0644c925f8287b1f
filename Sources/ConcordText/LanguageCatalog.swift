import CICU

/// The languages ICU knows (ISO 639), to tell a language code from a word
/// that only looks like one (`english` is well-formed BCP 47 but no language).
public enum LanguageCatalog {
    /// Every code ICU lists, lower-case: two letters, or three where there is no two-letter code.
    public static let codes: Set<String> = {
        var result: Set<String> = []
        var index: Int32 = 0
        while let code = cicu_iso_language(index) {
            result.insert(String(cString: code))
            index += 1
        }
        return result
    }()

    /// Three-letter ISO 639-2 codes to the code ICU uses ("eng" → "en").
    private static let byISO3: [String: String] = {
        var result: [String: String] = [:]
        for code in codes {
            let three = String(cString: cicu_iso3_language(code))
            if !three.isEmpty, three != code { result[three] = code }
        }
        return result
    }()

    /// English names, lower-case, to codes ("russian" → "ru").
    private static let byEnglishName: [String: String] = {
        var result: [String: String] = [:]
        var buffer = [UInt16](repeating: 0, count: 128)
        for code in codes.sorted() {
            var status: Int32 = 0
            let length = cicu_language_name(code, "en", &buffer, Int32(buffer.count), &status)
            guard status <= 0, length > 0 else { continue }
            let name = String(decoding: buffer[0..<Int(length)], as: UTF16.self).lowercased()
            if result[name].map({ $0.count > 2 }) ?? true { result[name] = code }     // two letters win
        }
        return result
    }()

    /// True when `language` (a primary subtag) is a language ICU knows, or one of BCP 47's special codes.
    public static func isKnown(_ language: String) -> Bool {
        let lower = language.lowercased()
        if ["und", "mul", "zxx", "mis"].contains(lower) { return true }
        if lower.count == 3, lower >= "qaa", lower <= "qtz" { return true }   // private use
        return codes.contains(lower)
    }

    /// The code meant by a name or a three-letter code: "english" → "en", "rus" → "ru".
    public static func suggestion(for word: String) -> String? {
        let lower = word.lowercased()
        return byEnglishName[lower] ?? byISO3[lower]
    }
}
