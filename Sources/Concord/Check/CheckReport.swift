import ConcordChecks
import ConcordFormats
import ConcordModel
import Foundation

/// The findings as an editor reads them: text grouped by check (coloured on a terminal), or a
/// self-contained HTML page to filter by check, search, and see the spans highlighted.
public enum CheckReport {
    /// Where a report goes, piece by piece (a file being written, or standard output).
    public typealias Emit = (String) throws -> Void

    /// The report in `format`, written piece by piece from the spool.
    public static func write(_ outcome: CheckOutcome, format: Format, colour: Bool = false, to emit: Emit) throws {
        switch format {
        case .text: try text(outcome, colour: colour, to: emit)
        case .json: try json(outcome, to: emit)
        case .html: try html(outcome, to: emit)
        }
    }

    public enum Format: String, Sendable, CaseIterable { case text, json, html }

    static func text(_ outcome: CheckOutcome, colour: Bool, to emit: Emit) throws {
        let summary = outcome.summary
        for check in outcome.findings.checks {
            let heading = "\(check.rawValue) (\(summary.checks[check.rawValue] ?? 0))"
            try emit((colour ? "\u{1B}[1m\(heading)\u{1B}[0m" : heading) + "\n")
            try outcome.findings.forEach(of: check) { finding in
                let severity = finding.severity == .error ? (colour ? "\u{1B}[31merror\u{1B}[0m" : "error") : (colour ? "\u{1B}[33mwarning\u{1B}[0m" : "warning")
                try emit("  \(finding.tuid): \(severity): \(finding.message)" + (finding.related.isEmpty ? "" : " (see \(finding.related.joined(separator: ", ")))") + "\n"
                         + "    source: \(marked(finding.source, finding.sourceSpan, colour: colour))\n"
                         + "    target: \(marked(finding.target, finding.targetSpan, colour: colour))\n")
            }
        }
        try emit("\(summary.units) units checked: \(summary.errors) error\(summary.errors == 1 ? "" : "s"), \(summary.warnings) warning\(summary.warnings == 1 ? "" : "s")\n")
    }

    /// `{"diagnostics": [...], "findings": [...], "summary": {...}}`, the findings copied from the spool as they are.
    static func json(_ outcome: CheckOutcome, to emit: Emit) throws {
        try emit("{\"diagnostics\":" + ConcordJSON.string(outcome.diagnostics) + ",\"findings\":[")
        var first = true, pending = ""
        for check in outcome.findings.checks {
            try outcome.findings.forEachLine(of: check) { line in
                pending += (first ? "" : ",") + String(decoding: line, as: UTF8.self)
                first = false
                if pending.utf8.count > 1 << 16 { try emit(pending); pending = "" }
            }
        }
        try emit(pending + "],\"summary\":" + ConcordJSON.string(outcome.summary) + "}\n")
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

    static func html(_ outcome: CheckOutcome, to emit: Emit) throws {
        let summary = outcome.summary
        let options = outcome.findings.checks.map { "<option value=\"\($0.rawValue)\">\($0.rawValue) (\(summary.checks[$0.rawValue] ?? 0))</option>" }.joined()
        try emit("""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Check report</title>
        <style>\(style)</style></head>
        <body>
        <h1>Check report</h1>
        <p id="summary">\(summary.units) units checked · <span class="errors">\(summary.errors) errors</span> · <span class="warnings">\(summary.warnings) warnings</span></p>
        <p><select id="check"><option value="">every check</option>\(options)</select>
        <input id="search" type="search" placeholder="search source, target, message"></p>
        <table><thead><tr><th>Unit</th><th>Check</th><th>Severity</th><th>Source</th><th>Target</th><th>What to do</th></tr></thead>
        <tbody>
        """)
        try outcome.findings.forEach { finding in try emit(row(finding) + "\n") }
        try emit("</tbody></table>\n<script>\(script)</script>\n</body></html>\n")
    }

    private static func row(_ finding: CheckFinding) -> String {
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
