import ConcordAlignment
import ConcordFormats
import ConcordModel
import Foundation

/// The file formats `concord align` writes: translation units (TMX, or the other memory
/// formats), the beads one a line (`[0]:[0, 1]`, what alignment scorers read), a table to
/// correct and import (TSV), the whole result as JSON, or the review page (HTML).
public enum AlignmentOutputFormat: String, Codable, Sendable, CaseIterable {
    case tmx, beads, tsv, json, html

    /// The format a file name's extension names; nil when it names none of these (`.csv` and
    /// `.jsonl` are memory formats: units, as TMX).
    public init?(fileName: String) {
        switch (fileName as NSString).pathExtension.lowercased() {
        case "tmx", "csv", "jsonl": self = .tmx
        case "tsv", "tab": self = .tsv
        case "json": self = .json
        case "html", "htm": self = .html
        case "beads", "align": self = .beads
        default: return nil
        }
    }
}

/// The beads of an alignment as scorers read them.
public enum AlignmentOutput {
    /// One bead a line, `[0]:[0, 1]`.
    public static func beadLines(_ beads: [Bead]) -> String {
        beads.map { "\($0.source):\($0.target)\n" }.joined()
    }
}
