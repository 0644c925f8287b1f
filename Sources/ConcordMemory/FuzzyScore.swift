/// The fuzzy formula: floor(100 × (L − d) / L).
enum FuzzyScore {
    static func score(distance: Int, longer: Int) -> Int {
        longer == 0 ? 100 : (100 * (longer - distance)) / longer
    }

    /// The most edits a segment pair whose longer side has `longer` tokens can take and still score `minimum`.
    static func maximumDistance(longer: Int, minimum: Int) -> Int {
        (longer * (100 - minimum)) / 100
    }
}
