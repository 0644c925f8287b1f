/// One SRX rule: at a position where `before` matches the text up to it and
/// `after` matches the text from it, break (or do not break) the sentence.
public struct SegmentationRule: Hashable, Sendable {
    public var isBreak: Bool
    /// ICU regular expression for the text before the position ("" matches anything).
    public var before: String
    /// ICU regular expression for the text after the position ("" matches anything).
    public var after: String

    public init(isBreak: Bool, before: String, after: String) {
        self.isBreak = isBreak
        self.before = before
        self.after = after
    }
}

/// A named list of rules (an SRX `languagerule`).
public struct LanguageRule: Hashable, Sendable {
    public var name: String
    public var rules: [SegmentationRule]

    public init(name: String, rules: [SegmentationRule]) {
        self.name = name
        self.rules = rules
    }
}

/// Which language rule applies to which languages (an SRX `languagemap`):
/// `pattern` is a regular expression over the language code.
public struct LanguageMap: Hashable, Sendable {
    public var pattern: String
    public var ruleName: String

    public init(pattern: String, ruleName: String) {
        self.pattern = pattern
        self.ruleName = ruleName
    }
}

/// A set of segmentation rules with SRX 2.0 semantics: language maps are
/// tried in order; with `cascade`, the rules of every matching map apply,
/// in map order; without it, only the first matching map's rules.
public struct SegmentationRuleSet: Hashable, Sendable {
    public var cascade: Bool
    public var languageRules: [LanguageRule]
    public var languageMaps: [LanguageMap]
    /// SRX header flags, kept for the round trip.
    public var segmentSubflows: Bool
    public var includeStartCodes: Bool
    public var includeEndCodes: Bool
    public var includeIsolatedCodes: Bool

    public init(cascade: Bool = true, languageRules: [LanguageRule] = [], languageMaps: [LanguageMap] = [],
                segmentSubflows: Bool = true, includeStartCodes: Bool = false, includeEndCodes: Bool = true,
                includeIsolatedCodes: Bool = false) {
        self.cascade = cascade
        self.languageRules = languageRules
        self.languageMaps = languageMaps
        self.segmentSubflows = segmentSubflows
        self.includeStartCodes = includeStartCodes
        self.includeEndCodes = includeEndCodes
        self.includeIsolatedCodes = includeIsolatedCodes
    }
}
