import Foundation

/// How sure the aligner is of each bead of its path: the bead's posterior probability over
/// every path through the band (forward–backward over the same costs, summed instead of
/// minimised). A bead whose lengths or words are unremarkable is still sure when every other
/// way of covering its sentences is much worse; a bead that wins by a hair is not.
struct BeadPosteriors {
    private let table: AlignmentTable
    private let shapes: [BeadScorer.Shape]
    private var forward: [Double]
    private var backward: [Double]

    /// Both sums over a filled table that kept its bead costs.
    init(_ table: AlignmentTable, shapes: [BeadScorer.Shape]) {
        self.table = table
        self.shapes = shapes
        let cells = table.windows.reduce(0) { $0 + $1.count }
        forward = [Double](repeating: .infinity, count: cells)
        backward = forward
        let (sourceCount, targetCount) = (table.sourceCount, table.targetCount)
        var terms: [Double] = []
        if let start = table.cell(0, 0) { forward[start] = 0 }
        for i in 0...sourceCount {
            for j in table.windows[i] where i > 0 || j > 0 {
                terms.removeAll(keepingCapacity: true)
                for (index, shape) in shapes.enumerated() where shape.source <= i && shape.target <= j {
                    let cost = table.beadCost(endingAt: i, j, shape: index)
                    guard cost.isFinite, let before = table.cell(i - shape.source, j - shape.target), forward[before].isFinite else { continue }
                    terms.append(forward[before] + cost)
                }
                forward[table.cell(i, j)!] = Self.negativeLogSumExp(terms)
            }
        }
        if let end = table.cell(sourceCount, targetCount) { backward[end] = 0 }
        for i in stride(from: sourceCount, through: 0, by: -1) {
            for j in table.windows[i].reversed() where i < sourceCount || j < targetCount {
                terms.removeAll(keepingCapacity: true)
                for (index, shape) in shapes.enumerated() where i + shape.source <= sourceCount && j + shape.target <= targetCount {
                    guard let after = table.cell(i + shape.source, j + shape.target), backward[after].isFinite else { continue }
                    let cost = table.beadCost(endingAt: i + shape.source, j + shape.target, shape: index)
                    if cost.isFinite { terms.append(backward[after] + cost) }
                }
                backward[table.cell(i, j)!] = Self.negativeLogSumExp(terms)
            }
        }
    }

    /// The posterior of the bead of shape `shape` ending at (i, j), positions within the section.
    func posterior(endingAt i: Int, _ j: Int, shape: Int) -> Double {
        let (sources, targets) = (shapes[shape].source, shapes[shape].target)
        guard let total = table.cell(table.sourceCount, table.targetCount), let start = table.cell(i - sources, j - targets),
              let end = table.cell(i, j) else { return 0 }
        let through = forward[start] + table.beadCost(endingAt: i, j, shape: shape) + backward[end]
        guard through.isFinite, forward[total].isFinite else { return 0 }
        return min(1, exp(forward[total] - through))
    }

    /// −log Σ exp(−x), computed without underflow.
    static func negativeLogSumExp(_ costs: [Double]) -> Double {
        guard let best = costs.min(), best.isFinite else { return .infinity }
        return best - log(costs.reduce(0) { $0 + exp(best - $1) })
    }
}
