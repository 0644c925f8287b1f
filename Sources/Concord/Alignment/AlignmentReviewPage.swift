import Foundation
import ConcordModel

/// A self-contained HTML page to review an alignment side by side: one row per bead with its
/// confidence, beads below the threshold and sentences left without a counterpart highlighted,
/// a switch to show only those, and a summary on top. No scripts or styles are fetched.
public struct AlignmentReviewPage: Sendable {
    /// One aligned pair of documents (a release and one translation).
    public struct Section: Sendable {
        /// What the page calls it: the two documents' names.
        public var title: String
        /// The source document's file name, which aligned units carry as `x-document`.
        public var document: String { String(title.split(separator: " ~ ").first ?? "") }
        public var sourceLanguage: LanguageTag
        public var targetLanguage: LanguageTag
        public var alignment: AlignmentResult

        public init(title: String, sourceLanguage: LanguageTag, targetLanguage: LanguageTag, alignment: AlignmentResult) {
            self.title = title
            self.sourceLanguage = sourceLanguage
            self.targetLanguage = targetLanguage
            self.alignment = alignment
        }
    }

    /// One section per translation of a multilingual alignment; `files`: the source, then the translations.
    public static func sections(_ result: MultilingualAlignmentResult, files: [String]) -> [Section] {
        result.pairs.enumerated().map { index, pair in
            Section(title: "\(fileName(files.first ?? "")) ~ \(index + 1 < files.count ? fileName(files[index + 1]) : pair.language.canonical)",
                    sourceLanguage: result.pivotLanguage, targetLanguage: pair.language, alignment: pair.alignment)
        }
    }

    /// A path's last component, as the page and the table name documents.
    public static func fileName(_ path: String) -> String { (path as NSString).lastPathComponent }

    public var sections: [Section]
    /// Beads below this are highlighted as needing a look.
    public var minimumConfidence: Double

    public init(sections: [Section], minimumConfidence: Double) {
        self.sections = sections
        self.minimumConfidence = minimumConfidence
    }

    /// The whole page.
    public func html() -> String {
        let beads = sections.flatMap(\.alignment.beads)
        let gaps = beads.filter { $0.source.isEmpty || $0.target.isEmpty }.count
        let low = beads.filter { !$0.source.isEmpty && !$0.target.isEmpty && $0.confidence < minimumConfidence }.count
        let summary = "\(sections.count) document pair\(sections.count == 1 ? "" : "s") · \(beads.count) beads · "
            + "<span class=\"low-count\">\(low) below confidence \(String(format: "%.2f", minimumConfidence))</span> · "
            + "<span class=\"gap-count\">\(gaps) with one side empty</span>"
        return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Alignment review</title>
        <style>\(Self.style)</style></head>
        <body>
        <h1>Alignment review</h1>
        <p id="summary">\(summary)</p>
        <p><label><input type="checkbox" id="only-check"> show only the beads to check</label></p>
        \(sections.map(sectionHTML).joined(separator: "\n"))
        <script>\(Self.script)</script>
        </body></html>
        """
    }

    private func sectionHTML(_ section: Section) -> String {
        let result = section.alignment
        let rows = result.beads.enumerated().map { index, bead in
            let kind = bead.source.isEmpty || bead.target.isEmpty ? "gap" : bead.confidence < minimumConfidence ? "low" : "ok"
            func cell(_ sentences: [Int], _ texts: [String], _ language: LanguageTag) -> String {
                let body = sentences.map { "<div class=\"sentence\"><span class=\"number\">\($0 + 1)</span>\(HTMLText.escape(texts[$0]))</div>" }
                return "<td lang=\"\(language.canonical)\">\(body.isEmpty ? "<em>(nothing)</em>" : body.joined())</td>"
            }
            let confidence = kind == "gap" ? "—" : String(format: "%.2f", bead.confidence)
            return "<tr class=\"bead \(kind)\"><td class=\"index\">\(index + 1)</td><td class=\"confidence\">\(confidence)</td>"
                + cell(bead.source, result.sourceSentences, section.sourceLanguage)
                + cell(bead.target, result.targetSentences, section.targetLanguage) + "</tr>"
        }
        return """
        <section><h2>\(HTMLText.escape(section.title))</h2>
        <table><thead><tr><th>#</th><th>confidence</th><th>\(section.sourceLanguage.canonical)</th><th>\(section.targetLanguage.canonical)</th></tr></thead>
        <tbody>\(rows.joined(separator: "\n"))</tbody></table></section>
        """
    }

    static let style = """
    body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
    table{border-collapse:collapse;width:100%;margin-bottom:2em;table-layout:fixed}
    th,td{border-bottom:1px solid #ddd;padding:.35em .5em;vertical-align:top;text-align:left}
    th:nth-child(1),td.index{width:3em;color:#888}th:nth-child(2),td.confidence{width:6em}
    tr.low{background:#fff4cc}tr.gap{background:#fde2e2}
    .low-count{background:#fff4cc;padding:0 .3em}.gap-count{background:#fde2e2;padding:0 .3em}
    .sentence+.sentence{margin-top:.3em;border-top:1px dotted #ccc;padding-top:.3em}
    .number{color:#999;font-size:.8em;margin-right:.5em}
    body.only-check tr.ok{display:none}
    """

    static let script = """
    document.getElementById('only-check').addEventListener('change',function(e){document.body.classList.toggle('only-check',e.target.checked)});
    """
}
