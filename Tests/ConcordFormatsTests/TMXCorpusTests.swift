import ConcordModel
import ConcordTestSupport
import ConcordXML
import Foundation
import Testing
@testable import ConcordFormats

/// The 60-file conformance corpus in ../shared/data/tmx-corpus, judged by its EXPECTED.tsv.
@Suite(.enabled(if: TestSupport.sharedDataAvailable, "\(TestSupport.sharedDataSkipMessage)"))
struct TMXCorpusTests {
    struct Expectation: CustomTestStringConvertible, Sendable {
        let file: String
        let units: Int?          // nil: an error is expected
        let needsDiagnostic: Bool
        var testDescription: String { file }
    }

    static let corpus = TestSupport.sharedData.appendingPathComponent("tmx-corpus")

    static let expectations: [Expectation] = {
        guard let text = try? String(contentsOf: corpus.appendingPathComponent("EXPECTED.tsv"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 2 else { return nil }
            return Expectation(file: fields[0], units: Int(fields[1]), needsDiagnostic: fields.count > 2 && fields[2] == "yes")
        }
    }()

    static var readable: [Expectation] { expectations.filter { $0.units != nil } }

    @Test func corpusIsComplete() {
        #expect(Self.expectations.count == 60)
    }

    @Test(arguments: expectations)
    func readsAsExpected(_ expectation: Expectation) throws {
        let path = Self.corpus.appendingPathComponent(expectation.file).path
        if let units = expectation.units {
            let reader = try TMXReader(path: path)
            let read = try reader.readAll()
            #expect(read.count == units)
            if expectation.needsDiagnostic {
                #expect(!reader.diagnostics.isEmpty, "a diagnostic is due")
            }
            for diagnostic in reader.diagnostics {
                #expect(diagnostic.file == path)
                #expect(diagnostic.line != nil)
            }
        } else {
            do {
                let reader = try TMXReader(path: path)
                _ = try reader.readAll()
                Issue.record("expected a refusal")
            } catch let error as FormatError {
                let refusedAsInput: Bool
                switch error {
                case .notWellFormed, .wrongRoot, .missingPart: refusedAsInput = true
                default: refusedAsInput = false
                }
                #expect(refusedAsInput, "\(error)")
                #expect(String(describing: error).hasPrefix(path + ":"))
                // FILE:LINE:COL with real numbers.
                let parts = String(describing: error).dropFirst(path.count + 1).split(separator: ":")
                #expect(Int(parts[0]) ?? 0 > 0)
                #expect(Int(parts[1]) ?? 0 > 0)
            }
        }
    }

    @Test func recoverKeepsTheCompleteUnitsBeforeTheFault() throws {
        for file in ["synth-malformed-truncated.tmx", "synth-malformed-unclosed-seg.tmx"] {
            let reader = try TMXRecoveringReader(path: Self.corpus.appendingPathComponent(file).path)
            var units: [TranslationUnit] = []
            while let unit = try reader.next() { units.append(unit) }
            #expect(units.count == 1, "\(file)")
            #expect(units.first?.variants.count == 2)
            #expect(reader.diagnostics.contains { $0.id == "tmx.not-well-formed" && $0.severity == .error && $0.line == 7 })
        }
    }

    @Test func wrongRootSaysSo() throws {
        #expect(throws: FormatError.wrongRoot(file: Self.corpus.appendingPathComponent("synth-wrong-root-tiled-map.tmx").path,
                                             line: 2, column: 1, found: "map", expected: "tmx")) {
            _ = try TMXReader(path: Self.corpus.appendingPathComponent("synth-wrong-root-tiled-map.tmx").path)
        }
    }

    @Test func controlCharactersAreReportedWhereTheyAre() throws {
        let reader = try TMXReader(path: Self.corpus.appendingPathComponent("synth-ctrl-raw.tmx").path)
        let units = try reader.readAll()
        let removals = reader.diagnostics.filter { $0.id == "tmx.control-character" }
        #expect(!removals.isEmpty)
        #expect(removals.first?.line == 6)
        #expect(removals.first?.column == 39)
        #expect(!units[0].variants[0].segment.plainText.unicodeScalars.contains { $0.value == 0x0B })
    }

    @Test func tmx11LangAndSrclangAllAreUnderstood() throws {
        let omegat = try TMXReader(path: Self.corpus.appendingPathComponent("omegat-project_save.tmx").path).readAll()
        #expect(omegat.allSatisfy { $0.variants.allSatisfy { $0.language.canonical != "und" } })
        let all = try TMXReader(path: Self.corpus.appendingPathComponent("synth-srclang-all-en-ru-zh.tmx").path)
        _ = try all.readAll()
        #expect(all.header.isMultilingualSource)
    }

    @Test func languageTagsAreCanonical() throws {
        let units = try TMXReader(path: Self.corpus.appendingPathComponent("lisa-ImportTest1B.tmx").path).readAll()
        #expect(units[0].languages.map(\.canonical) == ["en-US", "fr-CA"])
    }

    @Test func externalEntityStaysUnexpanded() throws {
        let units = try TMXReader(path: Self.corpus.appendingPathComponent("synth-xxe-external-entity.tmx").path).readAll()
        let host = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "\u{0}"
        for variant in units[0].variants { #expect(!variant.segment.plainText.contains(host)) }
    }

    // MARK: Round trip, DTD, another tool

    /// What must survive a round trip: everything but the line numbers and attributes TMX 1.4b lacks.
    static func comparable(_ unit: TranslationUnit) -> TranslationUnit {
        var unit = unit
        unit.line = nil
        let known: Set<String> = ["creationdate", "changedate", "lastusagedate", "usagecount"]
        unit.otherAttributes = unit.otherAttributes.filter { known.contains($0.name) }
        for index in unit.variants.indices {
            unit.variants[index].otherAttributes = unit.variants[index].otherAttributes.filter { known.contains($0.name) }
        }
        return unit
    }

    static func write(_ units: [TranslationUnit], header: TMXHeader, to url: URL) throws {
        let output = try AtomicOutputFile(path: url.path)
        let writer = try TMXWriter(header: header, fileName: url.path) { try output.write($0) }
        for unit in units { try writer.write(unit) }
        try writer.finish()
        try output.commit()
    }

    @Test(arguments: readable)
    func roundTripKeepsEverything(_ expectation: Expectation) throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let reader = try TMXReader(path: Self.corpus.appendingPathComponent(expectation.file).path)
        let units = try reader.readAll()
        let copy = directory.appendingPathComponent("copy.tmx")
        try Self.write(units, header: reader.header, to: copy)
        let again = try TMXReader(path: copy.path)
        let reread = try again.readAll()
        let writable = units.filter { !$0.variants.isEmpty }
        #expect(reread.count == writable.count)
        for (after, before) in zip(reread, writable) {
            #expect(Self.comparable(after) == Self.comparable(before), "unit \(before.tuid ?? "?") at line \(before.line ?? 0)")
        }
        #expect(again.header.properties == reader.header.properties)
        #expect(again.header.notes == reader.header.notes)
        #expect(again.diagnostics.filter { $0.id == "tmx.control-character" || $0.id == "tmx.header-attribute-missing" }.isEmpty)

        let dtd = TestSupport.sharedData.appendingPathComponent("formats/tmx14.dtd").path
        let problems = try XMLValidator.validate(documentPath: copy.path, against: .dtd(path: dtd))
        #expect(problems.isEmpty, "\(problems)")
    }

    static let translateToolkitAvailable: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import translate.storage.tmx"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    @Test(.enabled(if: translateToolkitAvailable, "skipped: translate-toolkit is not installed (pip install translate-toolkit)"))
    func translateToolkitReadsWhatWeWrite() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var expected: [String: Int] = [:]
        for expectation in Self.readable {
            let reader = try TMXReader(path: Self.corpus.appendingPathComponent(expectation.file).path)
            let units = try reader.readAll()
            try Self.write(units, header: reader.header, to: directory.appendingPathComponent(expectation.file))
            expected[expectation.file] = units.filter { !$0.variants.isEmpty }.count
        }
        let script = """
        import sys, os
        from translate.storage import tmx
        d = sys.argv[1]
        for name in sorted(os.listdir(d)):
            with open(os.path.join(d, name), 'rb') as f:
                store = tmx.tmxfile(f)
            print(name + "\\t" + str(len(store.units)))
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, directory.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        var counted: [String: Int] = [:]
        for line in output.split(separator: "\n") {
            let fields = line.split(separator: "\t")
            counted[String(fields[0])] = Int(fields[1])
        }
        #expect(counted == expected)
    }
}
