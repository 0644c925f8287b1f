import Foundation

/// Segments and words per band, and the words weighted by the rate of each band, as memoQ and
/// Trados report them: `{"total": {"segments", "words", "weightedWords"}, "bands": {"101": …}}`.
public struct TranslationAnalysis: Codable, Sendable, Equatable {
    public struct Count: Codable, Sendable, Equatable {
        public var segments = 0
        public var words = 0
        public var weightedWords = 0.0

        public init() {}

        mutating func add(words count: Int, rate: Double) {
            segments += 1
            words += count
            weightedWords += Double(count) * rate
        }
    }

    public var total = Count()
    public var bands: [AnalysisBand: Count] = Dictionary(uniqueKeysWithValues: AnalysisBand.allCases.map { ($0, Count()) })

    public init() {}

    /// Counts one segment of `words` words in `band`.
    public mutating func add(words: Int, band: AnalysisBand, weights: AnalysisWeights) {
        let rate = weights.rate(band)
        total.add(words: words, rate: rate)
        bands[band, default: Count()].add(words: words, rate: rate)
    }

    /// The table printed on a terminal.
    public func table() -> String {
        var lines = ["Band              Segments     Words   Weighted"]
        for band in AnalysisBand.allCases {
            let count = bands[band] ?? Count()
            lines.append(row(band.label, count))
        }
        lines.append(row("Total", total))
        return lines.joined(separator: "\n")
    }

    private func row(_ label: String, _ count: Count) -> String {
        label.padding(toLength: 16, withPad: " ", startingAt: 0)
            + String(format: "%10d%10d%11.1f", count.segments, count.words, count.weightedWords)
    }
}

/// The rate of each band, a fraction of the full price (`--weights FILE`: `{"101": 0, "100": 0.1, …}`).
public struct AnalysisWeights: Codable, Sendable, Equatable {
    public var rates: [AnalysisBand: Double]

    /// Common defaults of memoQ's and Trados's price grids: context matches free, repetitions and
    /// 100 % matches a tenth, high fuzzies a third, then rising to the full rate below 75 %.
    public static let standard = AnalysisWeights(rates: [
        .context: 0, .repetition: 0.1, .exact: 0.1, .fuzzy95: 0.3, .fuzzy85: 0.6, .fuzzy75: 0.8, .fuzzy50: 1, .none: 1,
    ])

    public init(rates: [AnalysisBand: Double]) {
        self.rates = rates
    }

    public init(from decoder: Decoder) throws {
        rates = try decoder.singleValueContainer().decode([AnalysisBand: Double].self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rates)
    }

    public func rate(_ band: AnalysisBand) -> Double { rates[band] ?? Self.standard.rates[band] ?? 1 }
}
