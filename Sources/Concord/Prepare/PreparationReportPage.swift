import Foundation

/// The HTML report of `concord prepare`: a self-contained page with the analysis on top and
/// one row per segment — its source, the best match with its diff and score, the glossary's
/// terms with their status — in the band's colour.
public struct PreparationReportPage: Sendable {
    public var releases: [PreparedRelease]
    public var analyses: [String: TranslationAnalysis]

    public init(releases: [PreparedRelease], analyses: [String: TranslationAnalysis]) {
        self.releases = releases
        self.analyses = analyses
    }

    public func html() -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Preparation report</title>
        <style>\(Self.style)</style></head>
        <body>
        <h1>Preparation report</h1>
        \(analyses.keys.sorted().map { analysisHTML($0, analyses[$0]!) }.joined(separator: "\n"))
        \(releases.map(releaseHTML).joined(separator: "\n"))
        </body></html>
        """
    }

    private func analysisHTML(_ language: String, _ analysis: TranslationAnalysis) -> String {
        let rows = AnalysisBand.allCases.map { band -> String in
            let count = analysis.bands[band] ?? .init()
            return "<tr class=\"band-\(Self.bandClass(band))\"><td>\(band.label)</td><td>\(count.segments)</td><td>\(count.words)</td><td>\(String(format: "%.1f", count.weightedWords))</td></tr>"
        }
        let total = analysis.total
        return """
        <section class="analysis" data-language="\(HTMLText.escape(language))"><h2>Analysis → \(HTMLText.escape(language))</h2>
        <table><thead><tr><th>Band</th><th>Segments</th><th>Words</th><th>Weighted words</th></tr></thead>
        <tbody>\(rows.joined())<tr class="total"><td>Total</td><td>\(total.segments)</td><td>\(total.words)</td><td>\(String(format: "%.1f", total.weightedWords))</td></tr></tbody></table></section>
        """
    }

    private func releaseHTML(_ release: PreparedRelease) -> String {
        let rows = release.segments.map { segment -> String in
            let match = segment.matches.first.map { best in
                "<div class=\"score\">\(best.score)%\(segment.locked ? " 🔒" : "")</div><div class=\"diff\">\(Self.diffHTML(best.diff))</div>"
                    + "<div class=\"target\">\(HTMLText.escape(best.adaptedTarget ?? best.target))</div><div class=\"origin\">\(HTMLText.escape(best.origin))</div>"
            } ?? "<em>no match</em>"
            let terms = segment.terms.map { term in
                "<li><b>\(HTMLText.escape(term.text))</b> → "
                    + term.translations.map { "<span class=\"term \($0.status.rawValue)\">\(HTMLText.escape($0.term))</span>" }.joined(separator: ", ")
                    + "</li>"
            }.joined()
            return "<tr class=\"segment band-\(Self.bandClass(segment.band))\" data-band=\"\(segment.band.rawValue)\"><td class=\"id\">\(segment.id)</td>"
                + "<td class=\"source\">\(HTMLText.escape(segment.text))</td><td class=\"match\">\(match)</td>"
                + "<td class=\"terms\">\(terms.isEmpty ? "" : "<ul>\(terms)</ul>")</td></tr>"
        }
        return """
        <section class="release"><h2>\(HTMLText.escape(release.name)) → \(release.targetLanguage.canonical)</h2>
        <table><thead><tr><th>#</th><th>Source</th><th>Best match</th><th>Terms</th></tr></thead>
        <tbody>\(rows.joined(separator: "\n"))</tbody></table></section>
        """
    }

    /// The diff from the match's source to the segment: kept words plain, removed struck, inserted underlined.
    static func diffHTML(_ diff: [String]) -> String {
        diff.map { token in
            let text = HTMLText.escape(String(token.dropFirst()))
            switch token.first {
            case "-": return "<del>\(text)</del>"
            case "+": return "<ins>\(text)</ins>"
            default: return text
            }
        }.joined(separator: " ")
    }

    static func bandClass(_ band: AnalysisBand) -> String {
        switch band {
        case .context: "context"
        case .repetition: "repetition"
        case .exact: "exact"
        case .fuzzy95: "high"
        case .fuzzy85, .fuzzy75: "fuzzy"
        case .fuzzy50: "low"
        case .none: "none"
        }
    }

    static let style = """
    body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
    table{border-collapse:collapse;width:100%;margin-bottom:2em}
    th,td{border-bottom:1px solid #ddd;padding:.35em .5em;vertical-align:top;text-align:left}
    .analysis table{width:auto}.analysis td:not(:first-child){text-align:right}
    tr.total{font-weight:bold}
    .band-context td:first-child,.band-context .score{border-left:6px solid #2e7d32}
    .band-exact td:first-child,.band-exact .score{border-left:6px solid #66bb6a}
    .band-high td:first-child{border-left:6px solid #c0ca33}
    .band-fuzzy td:first-child{border-left:6px solid #ffb300}
    .band-low td:first-child{border-left:6px solid #fb8c00}
    .band-none td:first-child{border-left:6px solid #bdbdbd}
    .band-repetition td:first-child{border-left:6px solid #42a5f5}
    .score{font-weight:bold;padding-left:.3em}.origin{color:#888;font-size:.8em}
    .diff{color:#555;font-size:.9em}del{color:#c62828}ins{color:#1565c0}
    .target{margin:.2em 0}
    .terms ul{margin:0;padding-left:1em}
    .term.preferred{color:#2e7d32}.term.admitted{color:#555}.term.deprecated,.term.superseded{color:#c62828;text-decoration:line-through}
    """
}
