import Foundation

/// How sure the aligner is of each bead of its path: the bead's posterior probability over
/// every path through the band (forward–backward over the same costs, summed instead of
/// minimised). A bead whose lengths or words are unremarkable is still sure when every other
/// way of covering its sentences is much worse; a bead that wins by a hair is not.
struct BeadPosteriors {
    private let windows: [ClosedRange<Int>]
    private let offsets: [Int]
    private var forward: [Double]
    private var backward: [Double]

    /// Fills both tables for one section whose first sentences are at `offset` in the document.
    init(windows: [ClosedRange<Int>], scorer: BeadScorer, offset: (source: Int, target: Int)) {
        self.windows = windows
        offsets = windows.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        forward = [Double](repeating: .infinity, count: offsets.last!)
        backward = forward
        let (sourceCount, targetCount) = (windows.count - 1, windows.last!.upperBound)
        func cost(_ i: Int, _ j: Int, _ shape: BeadScorer.Shape) -> Double {
            shape.prior + scorer.cost((offset.source + i)..<(offset.source + i + shape.source), (offset.target + j)..<(offset.target + j + shape.target))
        }
        set(&forward, 0, 0, 0)
        for i in 0...sourceCount {
            for j in windows[i] where i > 0 || j > 0 {
                var terms: [Double] = []
                for shape in scorer.shapes where shape.source <= i && shape.target <= j {
                    let before = value(forward, i - shape.source, j - shape.target)
                    if before.isFinite { terms.append(before + cost(i - shape.source, j - shape.target, shape)) }
                }
                set(&forward, i, j, Self.negativeLogSumExp(terms))
            }
        }
        set(&backward, sourceCount, targetCount, 0)
        for i in stride(from: sourceCount, through: 0, by: -1) {
            for j in windows[i].reversed() where i < sourceCount || j < targetCount {
                var terms: [Double] = []
                for shape in scorer.shapes where i + shape.source <= sourceCount && j + shape.target <= targetCount {
                    let after = value(backward, i + shape.source, j + shape.target)
                    if after.isFinite { terms.append(after + cost(i, j, shape)) }
                }
                set(&backward, i, j, Self.negativeLogSumExp(terms))
            }
        }
    }

    /// The posterior of the bead from (i, j) covering `shape`, positions within the section.
    func posterior(from i: Int, _ j: Int, shape: BeadScorer.Shape, scorer: BeadScorer, offset: (source: Int, target: Int)) -> Double {
        let total = value(forward, windows.count - 1, windows.last!.upperBound)
        let cost = shape.prior + scorer.cost((offset.source + i)..<(offset.source + i + shape.source), (offset.target + j)..<(offset.target + j + shape.target))
        let through = value(forward, i, j) + cost + value(backward, i + shape.source, j + shape.target)
        guard through.isFinite, total.isFinite else { return 0 }
        return min(1, exp(total - through))
    }

    private func value(_ table: [Double], _ i: Int, _ j: Int) -> Double {
        windows[i].contains(j) ? table[offsets[i] + j - windows[i].lowerBound] : .infinity
    }

    private func set(_ table: inout [Double], _ i: Int, _ j: Int, _ value: Double) {
        if windows[i].contains(j) { table[offsets[i] + j - windows[i].lowerBound] = value }
    }

    /// −log Σ exp(−x), computed without underflow.
    static func negativeLogSumExp(_ costs: [Double]) -> Double {
        guard let best = costs.min(), best.isFinite else { return .infinity }
        return best - log(costs.reduce(0) { $0 + exp(best - $1) })
    }
}
