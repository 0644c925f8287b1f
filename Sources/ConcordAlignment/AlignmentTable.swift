/// The dynamic-programming table of ``SentenceAligner``: the cheapest cost of aligning the
/// first i source and j target sentences, and the bead that ends there, kept within a window
/// of target positions for each source position (a band around the diagonal, or around an
/// earlier path).
struct AlignmentTable {
    let sourceCount: Int
    let targetCount: Int
    /// The target positions considered for each source position 0...sourceCount.
    let windows: [ClosedRange<Int>]
    private var costs: [Double]
    private var steps: [UInt8]      // source count << 4 | target count of the bead ending here
    private let offsets: [Int]      // where each row's window starts in `costs`
    /// With `keepingBeadCosts`, the cost (prior included) of each bead shape ending at each
    /// cell, for the posteriors to read instead of scoring every bead again.
    private(set) var beadCosts: [Double]
    let shapeCount: Int

    init(sourceCount: Int, targetCount: Int, windows: [ClosedRange<Int>], keepingBeadCostsOf shapes: Int = 0) {
        self.sourceCount = sourceCount
        self.targetCount = targetCount
        self.windows = windows
        offsets = windows.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        costs = [Double](repeating: .infinity, count: offsets.last!)
        steps = [UInt8](repeating: 0, count: offsets.last!)
        shapeCount = shapes
        beadCosts = [Double](repeating: .infinity, count: offsets.last! * shapes)
        if windows[0].contains(0) { costs[0 - windows[0].lowerBound] = 0 }
    }

    /// The position of cell (i, j) in the tables, nil outside the window.
    @inline(__always) func cell(_ i: Int, _ j: Int) -> Int? {
        let window = windows[i]
        return window.contains(j) ? offsets[i] + j - window.lowerBound : nil
    }

    /// The cost of the bead of shape `shape` ending at (i, j) (infinity when not kept or unreachable).
    func beadCost(endingAt i: Int, _ j: Int, shape: Int) -> Double {
        guard shapeCount > 0, let cell = cell(i, j) else { return .infinity }
        return beadCosts[cell * shapeCount + shape]
    }

    /// Sets the cheapest way into (i, j), and (when kept) the cost of each shape ending there.
    mutating func set(_ i: Int, _ j: Int, cost: Double, step: UInt8, beadCosts shapes: UnsafeBufferPointer<Double>?) {
        let cell = offsets[i] + j - windows[i].lowerBound
        costs[cell] = cost
        steps[cell] = step
        if let shapes, shapeCount > 0 {
            for shape in 0..<shapeCount { beadCosts[cell * shapeCount + shape] = shapes[shape] }
        }
    }

    /// A band of `width` cells either side of the diagonal of the two lengths.
    static func diagonal(sourceCount: Int, targetCount: Int, width: Int) -> [ClosedRange<Int>] {
        (0...sourceCount).map { row in
            let centre = sourceCount == 0 ? 0 : row * targetCount / sourceCount
            return max(0, centre - width)...min(targetCount, centre + width)
        }
    }

    /// `width` cells either side of the target positions a path passes through at each source position.
    static func around(_ beads: [(source: Range<Int>, target: Range<Int>)], sourceCount: Int, targetCount: Int, width: Int) -> [ClosedRange<Int>] {
        var low = [Int](repeating: targetCount, count: sourceCount + 1), high = [Int](repeating: 0, count: sourceCount + 1)
        var (i, j) = (0, 0)
        func visit() { low[i] = min(low[i], j); high[i] = max(high[i], j) }
        visit()
        for bead in beads {
            // Every cell on the bead's diagonal, so the new window has no gaps.
            let steps = max(bead.source.count, bead.target.count)
            let (startI, startJ) = (i, j)
            for step in 1...max(1, steps) {
                i = startI + bead.source.count * step / max(1, steps)
                j = startJ + bead.target.count * step / max(1, steps)
                visit()
            }
        }
        return (0...sourceCount).map { row in max(0, low[row] - width)...min(targetCount, high[row] + width) }
    }

    func cost(_ i: Int, _ j: Int) -> Double {
        let window = windows[i]
        return window.contains(j) ? costs[offsets[i] + j - window.lowerBound] : .infinity
    }

    /// The cheapest path's beads, first to last (empty when the window left the end unreachable).
    func path() -> [(source: Range<Int>, target: Range<Int>)] {
        var result: [(source: Range<Int>, target: Range<Int>)] = []
        var (i, j) = (sourceCount, targetCount)
        while i > 0 || j > 0 {
            guard windows[i].contains(j) else { return [] }
            let step = steps[offsets[i] + j - windows[i].lowerBound]
            let (sources, targets) = (Int(step >> 4), Int(step & 15))
            guard sources + targets > 0 else { return [] }
            result.append(((i - sources)..<i, (j - targets)..<j))
            (i, j) = (i - sources, j - targets)
        }
        return result.reversed()
    }

    /// Whether the path runs along the edge of a window that could have been wider (so a
    /// wider band might find a cheaper path).
    func touchesEdge(_ path: [(source: Range<Int>, target: Range<Int>)]) -> Bool {
        path.contains { bead in
            let (i, j) = (bead.source.upperBound, bead.target.upperBound)
            let window = windows[i]
            return (j <= window.lowerBound + 1 && window.lowerBound > 0) || (j >= window.upperBound - 1 && window.upperBound < targetCount)
        }
    }
}
