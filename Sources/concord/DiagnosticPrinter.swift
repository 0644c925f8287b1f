import Concord
import Foundation

/// Prints findings the same way in every command.
enum DiagnosticPrinter {
    /// Each finding on stderr as `FILE:LINE:COL: severity: message [id]`, at most `limit` of them.
    static func printToStandardError(_ diagnostics: [Diagnostic], limit: Int = 200) {
        for diagnostic in diagnostics.prefix(limit) { StandardStreams.writeError(diagnostic.description) }
        if diagnostics.count > limit {
            StandardStreams.writeError("... and \(diagnostics.count - limit) more findings (use --format json for all)")
        }
    }

    /// A finding as the CLI contract's JSON object.
    static func json(_ diagnostic: Diagnostic) -> [String: Any] {
        var object: [String: Any] = ["id": diagnostic.id, "severity": diagnostic.severity.rawValue, "message": diagnostic.message]
        if let file = diagnostic.file { object["file"] = file }
        if let line = diagnostic.line { object["line"] = line }
        if let column = diagnostic.column { object["column"] = column }
        return object
    }
}

/// Serialises JSON results with stable key order.
enum JSONOutput {
    static func string(_ object: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
