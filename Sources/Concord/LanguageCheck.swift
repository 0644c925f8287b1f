import Foundation
import ConcordFormats
import ConcordText

/// What is wrong with a language tag given by a user, in words that say what to type instead:
/// one check for the CLI and the server.
public enum LanguageCheck {
    /// Nil when `tag` is a well-formed BCP 47 tag whose language ICU knows.
    public static func problem(with tag: String) -> String? {
        let primary = String(tag.prefix { $0 != "-" && $0 != "_" })
        if let suggestion = LanguageCatalog.suggestion(for: tag) ?? LanguageCatalog.suggestion(for: primary),
           !LanguageCatalog.isKnown(primary) || primary.count > 3 {
            return "'\(tag)' is not a language code; did you mean '\(suggestion)'?"
        }
        let hyphenated = tag.replacingOccurrences(of: "_", with: "-")
        if hyphenated != tag, LanguageTagSyntax.isWellFormed(hyphenated), problem(with: hyphenated) == nil {
            return "'\(tag)' is not a language tag; did you mean '\(hyphenated)'?"
        }
        guard LanguageTagSyntax.isWellFormed(tag) else {
            return "'\(tag)' is not a language tag; use a BCP 47 tag such as en, ru, zh or zh-CN"
        }
        if tag.lowercased().hasPrefix("x-") || tag.lowercased().hasPrefix("i-") { return nil }
        guard LanguageCatalog.isKnown(primary) else {
            return "'\(tag)' names no known language (ISO 639); use a code such as en, ru, zh or zh-CN"
        }
        return nil
    }
}
