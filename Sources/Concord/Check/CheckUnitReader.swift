import ConcordChecks
import ConcordFormats
import ConcordMemory
import ConcordModel
import Foundation

/// The units of a check's input as ``CheckUnit``s, numbered from 0; read as often as asked
/// (the cross-unit checks read the units they concern a second time).
final class CheckUnitReader {
    let input: CheckRequest.Input
    let sourceLanguage: LanguageTag
    let targetLanguage: LanguageTag
    private(set) var diagnostics: [Diagnostic] = []
    private var aligned: [CheckUnit]?

    init(input: CheckRequest.Input, sourceLanguage: LanguageTag, targetLanguage: LanguageTag) {
        self.input = input
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
    }

    func forEach(_ body: (Int, CheckUnit) throws -> Void) throws {
        var position = 0
        func hand(_ unit: CheckUnit) throws {
            try body(position, unit)
            position += 1
        }
        switch input {
        case let .file(location):
            try location.requireExisting()
            if let path = location.path, XLIFFUnitSource.isXLIFF(path) {
                for unit in try XLIFFReader.read(location).units { try hand(Self.unit(unit)) }
            } else {
                let source = try UnitSourceOpener.open(location)
                var number = 0
                while let unit = try source.next() {
                    number += 1
                    if let checked = unit.checkUnit(number: number, from: sourceLanguage, to: targetLanguage) { try hand(checked) }
                }
                if diagnostics.isEmpty { diagnostics = source.diagnostics }
            }
        case let .store(path):
            let store = try MemoryStore(path: path, access: .readOnly)
            var number = 0
            try store.forEachUnit { _, unit in
                number += 1
                if let checked = unit.checkUnit(number: number, from: sourceLanguage, to: targetLanguage) { try hand(checked) }
                return true
            }
        case let .documents(source, target):
            if aligned == nil { aligned = try align(source, target) }
            for unit in aligned! { try hand(unit) }
        }
    }

    private static func unit(_ unit: XLIFFUnit) -> CheckUnit {
        let ignored = unit.notes.filter { $0.hasPrefix("concord-ignore:") }.reduce(into: Set<CheckName>()) {
            $0.formUnion(CheckUnit.ignoredChecks(in: String($1.dropFirst("concord-ignore:".count))))
        }
        return CheckUnit(id: unit.id, source: unit.sourceCodes ?? TaggedText(runs: unit.source.isEmpty ? [] : [.text(unit.source)]),
                         target: unit.targetCodes ?? TaggedText(runs: (unit.target ?? "").isEmpty ? [] : [.text(unit.target!)]), ignored: ignored)
    }

    /// A document pair aligned, each bead with source sentences a unit (an omission: an empty target).
    private func align(_ source: InputLocation, _ target: InputLocation) throws -> [CheckUnit] {
        let result = try AlignmentRequest(source: source, target: target, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage).run()
        diagnostics += result.diagnostics
        return result.beads.filter { !$0.source.isEmpty }.map { bead in
            CheckUnit(id: bead.source.map { String($0 + 1) }.joined(separator: "+"),
                      source: AlignmentResult.join(bead.source.map { result.sourceSentences[$0] }, language: sourceLanguage),
                      target: AlignmentResult.join(bead.target.map { result.targetSentences[$0] }, language: targetLanguage))
        }
    }
}

extension TranslationUnit {
    /// The unit as a translation to check, or nil when it lacks the source or the target language.
    func checkUnit(number: Int, from: LanguageTag, to: LanguageTag) -> CheckUnit? {
        guard let source = variants.first(where: { from.matches($0.language) }),
              let target = variants.first(where: { to.matches($0.language) }) else { return nil }
        let ignored = properties.filter { $0.type == "x-concord-ignore" }.reduce(into: Set<CheckName>()) { $0.formUnion(CheckUnit.ignoredChecks(in: $1.value)) }
        return CheckUnit(id: tuid ?? String(number), source: TaggedText(source.segment), target: TaggedText(target.segment), ignored: ignored)
    }
}
