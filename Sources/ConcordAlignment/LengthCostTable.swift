import Foundation

/// −log P(|Z| ≥ z) for a standard normal Z — Gale & Church's length cost — read from a table
/// with linear interpolation: the aligner asks for it millions of times per long document,
/// and `erfc` and `log` were most of its time. Within 1e-4 of the exact value.
enum LengthCostTable {
    /// Beyond this the probability is under 1e-12: the cost is capped there, as before.
    static let limit = 7.2
    static let step = 0.001
    static let ceiling = -log(1e-12)
    static let values: [Double] = (0...Int(limit / step) + 1).map { index in
        min(ceiling, -log(max(1e-12, erfc(Double(index) * step / 2.squareRoot()))))
    }

    static func cost(deviations: Double) -> Double {
        let position = abs(deviations) / step
        guard position < Double(values.count - 1) else { return ceiling }
        let index = Int(position), fraction = position - Double(index)
        return values[index] + (values[index + 1] - values[index]) * fraction
    }
}
