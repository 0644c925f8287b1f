/// The bands of a memoQ or Trados analysis, in the order a segment is placed in the first
/// that applies (Trados Studio's): context, repetition, 100 %, then the fuzzy bands.
public enum AnalysisBand: String, CaseIterable, Codable, Sendable, CodingKeyRepresentable {
    case context = "101"
    case repetition
    case exact = "100"
    case fuzzy95 = "95-99"
    case fuzzy85 = "85-94"
    case fuzzy75 = "75-84"
    case fuzzy50 = "50-74"
    case none

    /// The band of a segment whose best match scores `score` (nil: no match), and which is or is not a repetition.
    public static func of(score: Int?, repetition: Bool) -> AnalysisBand {
        if let score, score > 100 { return .context }
        if repetition { return .repetition }
        guard let score else { return .none }
        switch score {
        case 100: return .exact
        case 95...99: return .fuzzy95
        case 85...94: return .fuzzy85
        case 75...84: return .fuzzy75
        case 50...74: return .fuzzy50
        default: return .none
        }
    }

    /// What the terminal table and the report call it.
    public var label: String {
        switch self {
        case .context: "Context (101)"
        case .repetition: "Repetitions"
        case .exact: "100%"
        case .fuzzy95: "95-99%"
        case .fuzzy85: "85-94%"
        case .fuzzy75: "75-84%"
        case .fuzzy50: "50-74%"
        case .none: "No match"
        }
    }
}
