/// Errors that stop segmentation.
public enum SegmentationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A rule's regular expression does not compile.
    case invalidRule(ruleSet: String, rule: Int, side: String, pattern: String, message: String)
    /// A language map names a language rule that does not exist.
    case unknownLanguageRule(name: String)
    /// ICU could not segment the text.
    case icu(String)
    /// A rule's pattern ran past the time limit at `offset` (Unicode scalars into the text
    /// segmented), with the text just before it.
    case ruleTimedOut(ruleSet: String, rule: Int, pattern: String, offset: Int, context: String)

    public var description: String {
        switch self {
        case let .invalidRule(ruleSet, rule, side, pattern, message):
            return "segmentation rules '\(ruleSet)', rule \(rule): the \(side) pattern \(pattern.debugDescription) is not a valid regular expression (\(message))"
        case let .unknownLanguageRule(name):
            return "a language map names the rule set '\(name)', which the rules do not define"
        case let .icu(message):
            return "ICU segmentation failed: \(message)"
        case let .ruleTimedOut(ruleSet, rule, pattern, offset, context):
            return "segmentation rules '\(ruleSet)', rule \(rule) (\(pattern)) ran out of time at character \(offset) (after \(context.debugDescription)); it backtracks too much: simplify it"
        }
    }
}
