import CICU

/// Folds text into the key Concord compares for matching: NFKC with case
/// folding, every dash to `-`, no-break and other spaces to a plain space,
/// Russian `ё` to `е`, and traditional Chinese to simplified.
///
/// The folder keeps a map from folded offsets to original ones, so hits found
/// in folded text are reported where the user sees them. Not thread-safe
/// (it caches conversions): one per thread.
public final class TextFolder {
    /// Which folding rules apply; all are on by default.
    public struct Options: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let caseFold = Options(rawValue: 1 << 0)
        public static let dashes = Options(rawValue: 1 << 1)
        public static let spaces = Options(rawValue: 1 << 2)
        public static let yo = Options(rawValue: 1 << 3)
        public static let simplifiedChinese = Options(rawValue: 1 << 4)
        public static let all: Options = [.caseFold, .dashes, .spaces, .yo, .simplifiedChinese]
    }

    public let options: Options
    private let form: NormalizationForm
    private let hanConverter: Transliterator?
    private var singleCache: [UInt32: [Unicode.Scalar]] = [:]

    public init(options: Options = .all) throws {
        self.options = options
        form = options.contains(.caseFold) ? .nfkcCasefold : .nfkc
        hanConverter = options.contains(.simplifiedChinese) ? try Transliterator(id: "Traditional-Simplified") : nil
    }

    /// The folded form of `text` alone.
    public func foldedString(_ text: String) throws -> String {
        try fold(text).text
    }

    /// Folds `text` and keeps the offset map.
    public func fold(_ text: String) throws -> FoldedText {
        var output = String.UnicodeScalarView()
        var offsets: [Int] = []
        offsets.reserveCapacity(text.unicodeScalars.count + 1)
        // Text is cut into runs at normalisation boundaries; each run is
        // normalised alone, which gives the same result as the whole text and
        // lets every folded scalar point back at the run it came from.
        var run: [Unicode.Scalar] = []
        var runStart = 0
        var position = 0

        func flushRun() throws {
            guard let first = run.first else { return }
            if run.count == 1 {
                for folded in try foldSingle(first) {
                    output.append(folded)
                    offsets.append(runStart)
                }
            } else {
                var units: [UInt16] = []
                for scalar in run { units.append(contentsOf: UTF16.encode(scalar)!) }
                let normalized = try Normalizer.normalize(units: units, form: form)
                for scalar in String(decoding: normalized, as: UTF16.self).unicodeScalars {
                    for folded in try postFold(scalar) {
                        output.append(folded)
                        offsets.append(runStart)
                    }
                }
            }
            run.removeAll(keepingCapacity: true)
        }

        for scalar in text.unicodeScalars {
            if scalar.isASCII || Normalizer.hasBoundary(before: scalar, form: form) {
                try flushRun()
                runStart = position
            }
            run.append(scalar)
            position += 1
        }
        try flushRun()
        offsets.append(position)
        return FoldedText(text: String(output), originalOffsets: offsets)
    }

    /// The one scalar `scalar` folds to wherever it stands, or nil when its folding
    /// depends on its neighbours (it may compose with what precedes it) or is not
    /// one scalar (ß → ss). Text made only of such scalars folds scalar by scalar.
    public func foldAlone(_ scalar: Unicode.Scalar) throws -> Unicode.Scalar? {
        guard scalar.isASCII || Normalizer.hasBoundary(before: scalar, form: form) else { return nil }
        let folded = try foldSingle(scalar)
        return folded.count == 1 ? folded[0] : nil
    }

    /// The folding of a run of one scalar, cached: most text is made of these.
    private func foldSingle(_ scalar: Unicode.Scalar) throws -> [Unicode.Scalar] {
        let value = scalar.value
        if value < 0x80 {
            if options.contains(.caseFold), value >= 0x41, value <= 0x5A { return [Unicode.Scalar(value + 0x20)!] }
            if options.contains(.spaces), value == 0x09 { return [" "] }
            return [scalar]
        }
        if let cached = singleCache[value] { return cached }
        let normalized = try Normalizer.normalize(units: Array(UTF16.encode(scalar)!), form: form)
        var result: [Unicode.Scalar] = []
        for piece in String(decoding: normalized, as: UTF16.self).unicodeScalars {
            result.append(contentsOf: try postFold(piece))
        }
        singleCache[value] = result
        return result
    }

    /// The rules that NFKC_Casefold does not cover, applied to one normalised scalar.
    private func postFold(_ scalar: Unicode.Scalar) throws -> [Unicode.Scalar] {
        let value = scalar.value
        if options.contains(.yo) {
            if value == 0x0451 { return ["\u{0435}"] }       // ё → е
            if value == 0x0401 { return ["\u{0415}"] }       // Ё → Е (when not case-folding)
        }
        if options.contains(.dashes), Self.isDash(scalar) { return ["-"] }
        if options.contains(.spaces), Self.isSpace(scalar) { return [" "] }
        if let hanConverter, Script(of: scalar) == .han {
            return Array(try hanConverter.transliterate(String(scalar)).unicodeScalars)
        }
        return [scalar]
    }

    /// Hyphens and dashes (general category Pd) and the minus sign.
    static func isDash(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .dashPunctuation || scalar.value == 0x2212
    }

    /// Space separators (Zs: NBSP, thin, ideographic ...) other than the plain space.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .spaceSeparator && scalar.value != 0x20
    }
}
