/// The checks `concord check` runs, by the names editors use in `--checks`, `--skip` and the
/// configuration file; each is the catalog kind `check.<name>`.
public enum CheckName: String, CaseIterable, Codable, Sendable, Comparable {
    case missingTerm = "missing-term"
    case deprecatedTerm = "deprecated-term"
    case inconsistentSource = "inconsistent-source"
    case inconsistentTarget = "inconsistent-target"
    case termVariant = "term-variant"
    case numberMismatch = "number-mismatch"
    case untranslated
    case tagMismatch = "tag-mismatch"
    case punctuation

    public static func < (left: CheckName, right: CheckName) -> Bool {
        allCases.firstIndex(of: left)! < allCases.firstIndex(of: right)!
    }
}
