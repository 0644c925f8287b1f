import CStemmer

/// A Snowball stemmer for one language (прекурсоров → прекурсор, Совета → совет).
///
/// Not thread-safe: Snowball keeps its result in the stemmer. Make one per thread.
public final class Stemmer {
    private let handle: OpaquePointer
    /// Snowball's algorithm name, e.g. "russian".
    public let algorithm: String

    /// Snowball algorithms by ISO 639-1 code, for the languages Debian's libstemmer carries.
    public static let algorithms: [String: String] = [
        "ar": "arabic", "ca": "catalan", "da": "danish", "de": "german", "el": "greek",
        "en": "english", "es": "spanish", "eu": "basque", "fi": "finnish", "fr": "french",
        "ga": "irish", "hi": "hindi", "hu": "hungarian", "hy": "armenian", "id": "indonesian",
        "it": "italian", "lt": "lithuanian", "ne": "nepali", "nl": "dutch", "no": "norwegian",
        "nb": "norwegian", "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian",
        "sv": "swedish", "ta": "tamil", "tr": "turkish", "yi": "yiddish",
    ]

    /// True when a stemmer exists for the primary language of `language` (a BCP 47 tag).
    public static func isAvailable(for language: String) -> Bool {
        guard let name = algorithms[primaryLanguage(of: language)] else { return false }
        return cstemmer_has_algorithm(name) == 1
    }

    /// A stemmer for the primary language of a BCP 47 tag (`ru-RU` → russian).
    public init(language: String) throws {
        let primary = Self.primaryLanguage(of: language)
        guard let name = Self.algorithms[primary], cstemmer_has_algorithm(name) == 1,
              let handle = sb_stemmer_new(name, "UTF_8") else {
            throw TextError.noStemmer(language: language)
        }
        self.handle = handle
        self.algorithm = name
    }

    deinit { sb_stemmer_delete(handle) }

    /// The stem of one word. Snowball expects lower-case input: fold first.
    public func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { bytes in
            guard let base = bytes.baseAddress,
                  let result = sb_stemmer_stem(handle, base, Int32(bytes.count)) else { return String(decoding: bytes, as: UTF8.self) }
            let length = Int(sb_stemmer_length(handle))
            return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
        }
    }

    private static func primaryLanguage(of tag: String) -> String {
        String(tag.prefix { $0 != "-" && $0 != "_" }).lowercased()
    }
}
