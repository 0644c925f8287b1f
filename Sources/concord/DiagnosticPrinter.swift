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
}
