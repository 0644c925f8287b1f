import ConcordFormats
import ConcordModel
import ConcordTestSupport
import Foundation
import Testing
@testable import ConcordTerminology

/// Concept-level precision and recall on annotated sentences (Fixtures/annotated.*.tsv):
/// UN test-set lines and release-style sentences with inflection, Chinese without
/// spaces, acronyms, variants, deprecated forms and false-positive traps.
@Suite struct AnnotatedSetTests {
    @Test(arguments: ["en", "ru", "zh"])
    func precisionAndRecall(_ language: String) throws {
        let glossary = try TBXReader.read(path: TestSupport.packageRoot.appendingPathComponent("Glossaries/sco.tbx").path)
        let recognizer = try TermRecognizer(glossaries: [glossary], language: LanguageTag(language))
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/annotated.\(language).tsv")
        var truePositives = 0, falsePositives = 0, falseNegatives = 0
        var misses: [String] = []
        for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            let gold = Set(fields.count > 1 ? fields[1].split(separator: ",").map(String.init) : [])
            let found = Set(try recognizer.hits(in: String(fields[0])).map(\.concept.id))
            truePositives += gold.intersection(found).count
            falsePositives += found.subtracting(gold).count
            falseNegatives += gold.subtracting(found).count
            if gold != found { misses.append("\(fields[0]): expected \(gold.sorted()), found \(found.sorted())") }
        }
        let precision = Double(truePositives) / Double(max(1, truePositives + falsePositives))
        let recall = Double(truePositives) / Double(max(1, truePositives + falseNegatives))
        print(String(format: "terms %@: precision %.3f recall %.3f (%d concepts)", language, precision, recall, truePositives + falseNegatives))
        #expect(precision >= 0.98 && recall >= 0.98, "\(misses)")
    }
}
