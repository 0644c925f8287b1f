import ArgumentParser
import Concord

/// One check for every language option: a tag that is not well-formed BCP 47
/// (`!!!`) or names no language (`english`, `xx`) is a usage error before any
/// file is read, with the code that was probably meant.
enum LanguageValidation {
    static func check(_ value: String?, option: String) throws {
        guard let value else { return }
        if let problem = LanguageCheck.problem(with: value) { throw ValidationError("\(option) \(problem)") }
    }

    /// Checks a comma-separated list (`--langs en,ru`).
    static func checkList(_ value: String?, option: String) throws {
        for tag in (value ?? "").split(separator: ",") { try check(String(tag), option: option) }
    }
}
