import ArgumentParser
import Concord

/// One check for every language option: a tag that is not well-formed BCP 47
/// (`!!!`, `en_US!`) is a usage error before any file is read.
enum LanguageValidation {
    static func check(_ value: String?, option: String) throws {
        guard let value else { return }
        guard LanguageTagSyntax.isWellFormed(value) else {
            throw ValidationError("\(option) '\(value)' is not a language tag; use a BCP 47 tag such as en, ru, zh or zh-CN")
        }
    }

    /// Checks a comma-separated list (`--langs en,ru`).
    static func checkList(_ value: String?, option: String) throws {
        for tag in (value ?? "").split(separator: ",") { try check(String(tag), option: option) }
    }
}
