import Foundation
import ConcordFormats
import ConcordModel

/// An alignment as a tab-separated table a person can correct in a spreadsheet and bring back
/// with `concord tm import FILE.tsv`: a header of language columns and `x-` property columns
/// (the bead, its confidence, the document), then one row per bead, the least sure first
/// within each document so that the rows to check are on top.
public enum AlignmentReviewTable {
    public static func text(_ sections: [AlignmentReviewPage.Section]) -> String {
        var targets: [LanguageTag] = []
        for section in sections where !targets.contains(section.targetLanguage) { targets.append(section.targetLanguage) }
        let header = ["x-bead", "x-alignment-confidence", sections.first?.sourceLanguage.canonical ?? "und"] + targets.map(\.canonical) + ["x-document"]
        var lines = [DelimitedTableWriter.line(header, delimiter: .tab)]
        for section in sections {
            let result = section.alignment
            for bead in result.beads.sorted(by: { $0.confidence < $1.confidence }) {
                let translation = AlignmentResult.join(bead.target.map { result.targetSentences[$0] }, language: section.targetLanguage)
                let fields = ["\(bead.source):\(bead.target)", String(format: "%.2f", bead.confidence),
                              AlignmentResult.join(bead.source.map { result.sourceSentences[$0] }, language: section.sourceLanguage)]
                    + targets.map { $0 == section.targetLanguage ? translation : "" } + [section.document]
                lines.append(DelimitedTableWriter.line(fields, delimiter: .tab))
            }
        }
        return lines.joined()
    }
}
