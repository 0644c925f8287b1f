import ConcordChecks
import ConcordModel
import Foundation

/// The findings as an editor reads them: text grouped by check (coloured on a terminal), or a
/// self-contained HTML page to filter by check, search, and see the spans highlighted.
public enum CheckReport {
    public static func text(_ result: CheckResult, colour: Bool) -> String {
        var lines: [String] = []
        for (check, findings) in Dictionary(grouping: result.findings, by: \.check).sorted(by: { $0.key < $1.key }) {
            let heading = "\(check.rawValue) (\(findings.count))"
            lines.append(colour ? "\u{1B}[1m\(heading)\u{1B}[0m" : heading)
            for finding in findings {
                let severity = finding.severity == .error ? (colour ? "\u{1B}[31merror\u{1B}[0m" : "error") : (colour ? "\u{1B}[33mwarning\u{1B}[0m" : "warning")
                lines.append("  \(finding.tuid): \(severity): \(finding.message)" + (finding.related.isEmpty ? "" : " (see \(finding.related.joined(separator: ", ")))"))
                lines.append("    source: \(marked(finding.source, finding.sourceSpan, colour: colour))")
                lines.append("    target: \(marked(finding.target, finding.targetSpan, colour: colour))")
            }
        }
        let summary = result.summary
        lines.append("\(summary.units) units checked: \(summary.errors) error\(summary.errors == 1 ? "" : "s"), \(summary.warnings) warning\(summary.warnings == 1 ? "" : "s")")
        return lines.joined(separator: "\n")
    }

    /// The text with the span in brackets (or bold on a terminal).
    private static func marked(_ text: String, _ span: [Int]?, colour: Bool) -> String {
        guard let span, span.count == 2 else { return text }
        let (before, inside, after) = split(text, span)
        return colour ? "\(before)\u{1B}[1;4m\(inside)\u{1B}[0m\(after)" : "\(before)[\(inside)]\(after)"
    }

    static func split(_ text: String, _ span: [Int]) -> (String, String, String) {
        let scalars = Array(text.unicodeScalars)
        let start = max(0, min(span[0], scalars.count)), end = max(start, min(span[1], scalars.count))
        func piece(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
        return (piece(0..<start), piece(start..<end), piece(end..<scalars.count))
    }

    public static func html(_ result: CheckResult) -> String {
        let checks = Dictionary(grouping: result.findings, by: \.check).keys.sorted()
        let options = checks.map { "<option value=\"\($0.rawValue)\">\($0.rawValue) (\(result.summary.checks[$0.rawValue] ?? 0))</option>" }.joined()
        let rows = result.findings.map { finding -> String in
            func cell(_ text: String, _ span: [Int]?) -> String {
                guard let span, span.count == 2 else { return HTMLText.escape(text) }
                let (before, inside, after) = split(text, span)
                return HTMLText.escape(before) + "<mark>" + HTMLText.escape(inside) + "</mark>" + HTMLText.escape(after)
            }
            return "<tr class=\"finding \(finding.severity.rawValue)\" data-check=\"\(finding.check.rawValue)\">"
                + "<td>\(HTMLText.escape(finding.tuid))</td><td>\(finding.check.rawValue)</td><td>\(finding.severity.rawValue)</td>"
                + "<td>\(cell(finding.source, finding.sourceSpan))</td><td>\(cell(finding.target, finding.targetSpan))</td>"
                + "<td>\(HTMLText.escape(finding.message))\(finding.related.isEmpty ? "" : "<div class=\"related\">see \(HTMLText.escape(finding.related.joined(separator: ", ")))</div>")</td></tr>"
        }
        let summary = result.summary
        return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Check report</title>
        <style>\(style)</style></head>
        <body>
        <h1>Check report</h1>
        <p id="summary">\(summary.units) units checked · <span class="errors">\(summary.errors) errors</span> · <span class="warnings">\(summary.warnings) warnings</span></p>
        <p><select id="check"><option value="">every check</option>\(options)</select>
        <input id="search" type="search" placeholder="search source, target, message"></p>
        <table><thead><tr><th>Unit</th><th>Check</th><th>Severity</th><th>Source</th><th>Target</th><th>What to do</th></tr></thead>
        <tbody>\(rows.joined(separator: "\n"))</tbody></table>
        <script>\(script)</script>
        </body></html>
        """
    }

    static let style = """
    body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
    table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.35em .5em;vertical-align:top;text-align:left}
    tr.error td:nth-child(3){color:#c62828;font-weight:bold}tr.warning td:nth-child(3){color:#b26a00}
    mark{background:#ffe082}.related{color:#777;font-size:.85em}.errors{color:#c62828}.warnings{color:#b26a00}
    input[type=search]{width:24em;margin-left:1em}
    """

    static let script = """
    function apply(){var c=document.getElementById('check').value,q=document.getElementById('search').value.toLowerCase();
    document.querySelectorAll('tr.finding').forEach(function(r){var ok=(!c||r.dataset.check===c)&&(!q||r.textContent.toLowerCase().indexOf(q)>=0);r.style.display=ok?'':'none';});}
    document.getElementById('check').addEventListener('change',apply);document.getElementById('search').addEventListener('input',apply);
    """
}
