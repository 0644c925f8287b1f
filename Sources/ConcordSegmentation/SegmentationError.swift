/// Errors that stop segmentation.
public enum SegmentationError: Error, Equatable, CustomStringConvertible {
    /// A rule's regular expression does not compile.
    case invalidRule(ruleSet: String, rule: Int, side: String, pattern: String, message: String)
    /// A language map names a language rule that does not exist.
    case unknownLanguageRule(name: String)
    /// ICU could not segment the text.
    case icu(String)

    public var description: String {
        switch self {
        case let .invalidRule(ruleSet, rule, side, pattern, message):
            return "segmentation rules '\(ruleSet)', rule \(rule): the \(side) pattern \(pattern.debugDescription) is not a valid regular expression (\(message))"
        case let .unknownLanguageRule(name):
            return "a language map names the rule set '\(name)', which the rules do not define"
        case let .icu(message):
            return "ICU segmentation failed: \(message)"
        }
    }
}
