/// Errors raised by the ICU and Snowball wrappers.
public enum TextError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An ICU service could not be opened or failed (`name` is ICU's error name).
    case icu(operation: String, name: String)
    /// A regular expression did not compile; `offset` is the UTF-16 offset of the fault in the pattern.
    case invalidPattern(pattern: String, line: Int, offset: Int, name: String)
    /// No Snowball stemmer exists for this language.
    case noStemmer(language: String)
    /// ICU does not know this transform id.
    case unknownTransform(id: String)
    /// A regular expression ran past ICU's time limit (catastrophic backtracking).
    case timedOut(pattern: String)

    public var description: String {
        switch self {
        case let .icu(operation, name):
            return "ICU \(operation) failed: \(name)"
        case let .invalidPattern(pattern, line, offset, name):
            return "invalid regular expression \(pattern.debugDescription) at line \(line), offset \(offset): \(name)"
        case let .noStemmer(language):
            return "no Snowball stemmer for language '\(language)'"
        case let .unknownTransform(id):
            return "unknown ICU transform '\(id)'"
        case let .timedOut(pattern):
            return "the regular expression \(pattern.debugDescription) ran out of time (it backtracks too much; simplify it)"
        }
    }
}
