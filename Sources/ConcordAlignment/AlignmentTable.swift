/// The dynamic-programming table of ``SentenceAligner``: the cheapest cost of aligning the
/// first i source and j target sentences, and the bead that ends there, kept within a band
/// around the diagonal for long documents.
struct AlignmentTable {
    let sourceCount: Int
    let targetCount: Int
    /// Cells either side of the diagonal considered (all of them for documents of press-release size).
    let band: Int
    private var costs: [Double]
    private var steps: [UInt8]      // source count << 4 | target count of the bead ending here

    init(sourceCount: Int, targetCount: Int) {
        self.sourceCount = sourceCount
        self.targetCount = targetCount
        // The window follows the diagonal of the two lengths, so a wide band is only needed
        // for long omissions; press releases (tens of sentences) get the whole table.
        band = max(sourceCount, targetCount) <= 1_000 ? max(sourceCount, targetCount) + 1 : 250
        costs = [Double](repeating: .infinity, count: (sourceCount + 1) * (targetCount + 1))
        steps = [UInt8](repeating: 0, count: (sourceCount + 1) * (targetCount + 1))
        costs[0] = 0
    }

    /// The target positions considered for source position `row`.
    func window(row: Int) -> ClosedRange<Int> {
        let centre = sourceCount == 0 ? 0 : row * targetCount / sourceCount
        return max(0, centre - band)...min(targetCount, centre + band)
    }

    func cost(_ i: Int, _ j: Int) -> Double { costs[i * (targetCount + 1) + j] }

    /// Keeps `cost` at (i, j) when it is the cheapest way there so far.
    mutating func offer(_ cost: Double, at i: Int, _ j: Int, from sources: Int, _ targets: Int) {
        let cell = i * (targetCount + 1) + j
        if cost < costs[cell] {
            costs[cell] = cost
            steps[cell] = UInt8(sources << 4 | targets)
        }
    }

    /// The cheapest path's beads, first to last, each with the confidence `judge` gives it.
    func beads(_ judge: (Range<Int>, Range<Int>) -> Double) -> [Bead] {
        var result: [Bead] = []
        var (i, j) = (sourceCount, targetCount)
        while i > 0 || j > 0 {
            let step = steps[i * (targetCount + 1) + j]
            let (sources, targets) = (Int(step >> 4), Int(step & 15))
            guard sources + targets > 0 else { break }      // unreachable cell: the band was too narrow
            let sourceRange = (i - sources)..<i, targetRange = (j - targets)..<j
            result.append(Bead(source: Array(sourceRange), target: Array(targetRange), confidence: judge(sourceRange, targetRange)))
            (i, j) = (i - sources, j - targets)
        }
        return result.reversed()
    }
}
