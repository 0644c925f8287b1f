import ConcordFormats
import ConcordModel
import ConcordTestSupport
import Foundation
import Testing
@testable import ConcordSegmentation

/// Accuracy on the shared gold sets, scored as ../shared/data/segmentation/score.py
/// scores them (--verbatim-only --no-pdf --skip-conflicts): a case passes when the
/// sentence lists are equal after trimming.
@Suite(.enabled(if: TestSupport.sharedDataAvailable, "\(TestSupport.sharedDataSkipMessage)"))
struct GoldenRulesTests {
    static let folder = TestSupport.sharedData.appendingPathComponent("segmentation")
    static let rules: SegmentationRuleSet = try! SRXReader.read(
        path: TestSupport.packageRoot.appendingPathComponent("Sources/Concord/Resources/default.srx").path)

    struct Case {
        let id: String
        let text: String
        let sentences: [String]
    }

    static func cases(_ file: String, boundaryOnly: Bool) throws -> [Case] {
        let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        return try text.split(separator: "\n").compactMap { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            if boundaryOnly {
                if object["verbatim"] as? Bool == false { return nil }
                if let options = object["options"] as? [String: Any], options["doc_type"] as? String == "pdf" { return nil }
                if object["conflicts_with"] != nil { return nil }
            }
            return Case(id: object["id"] as! String, text: object["text"] as! String, sentences: object["sentences"] as! [String])
        }
    }

    /// (passed, failed ids) for one file.
    static func score(_ file: String, language: String, quotations: QuotationPolicy, boundaryOnly: Bool) throws -> (Int, [String]) {
        let segmenter = try Segmenter(ruleSet: rules, language: LanguageTag(language), quotations: quotations)
        var passed = 0
        var failed: [String] = []
        for testCase in try cases(file, boundaryOnly: boundaryOnly) {
            let scalars = Array(testCase.text.unicodeScalars)
            let got = try segmenter.sentences(in: testCase.text).map { String(String.UnicodeScalarView(scalars[$0])) }
            let trim = { (s: String) in s.trimmingCharacters(in: .whitespacesAndNewlines) }
            if got.map(trim).filter({ !$0.isEmpty }) == testCase.sentences.map(trim).filter({ !$0.isEmpty }) {
                passed += 1
            } else {
                failed.append(testCase.id)
            }
        }
        return (passed, failed)
    }

    @Test(arguments: [("en", 167), ("de", 31), ("es", 33), ("ru", 37), ("zh", 2), ("fr", 5)])
    func goldenRulesWithQuotationsKept(_ language: String, _ required: Int) throws {
        let (passed, failed) = try Self.score("golden_rules.\(language).jsonl", language: language, quotations: .keep, boundaryOnly: true)
        print("segmentation \(language): \(passed) passed, \(failed.count) failed \(failed)")
        #expect(passed >= required, "\(language): \(passed) passed; failing: \(failed)")
    }

    @Test(arguments: ["en", "ru", "zh"])
    func pressReleaseProbesWithQuotationsSplit(_ language: String) throws {
        let (passed, failed) = try Self.score("press_probe.\(language).jsonl", language: language, quotations: .split, boundaryOnly: false)
        print("press probes \(language): \(passed) passed, \(failed.count) failed")
        #expect(failed.isEmpty, "\(language): failing \(failed)")
    }
}
