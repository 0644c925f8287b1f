import Foundation
import Testing
import ConcordTestSupport

/// Every finding is made from a kind of the one catalog: no module spells a bare id.
@Suite struct DiagnosticCatalogUseTests {
    static func sourceFiles() throws -> [(path: String, text: String)] {
        let sources = TestSupport.packageRoot.appendingPathComponent("Sources")
        guard let files = FileManager.default.enumerator(atPath: sources.path) else { return [] }
        var result: [(String, String)] = []
        for case let file as String in files where file.hasSuffix(".swift") {
            result.append((file, try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)))
        }
        return result
    }

    @Test func findingsAreMadeFromCatalogKinds() throws {
        let offenders = try Self.sourceFiles().filter { file in
            !file.path.hasSuffix("DiagnosticKind.swift") && file.text.contains("Diagnostic(id:")
        }
        #expect(offenders.map(\.path).isEmpty, "findings made from a bare id: \(offenders.map(\.path))")
    }

    @Test func everyDeclaredKindIsListedAndUsed() throws {
        let files = try Self.sourceFiles()
        let catalog = try #require(files.first { $0.path.hasSuffix("ConcordModel/DiagnosticCatalog.swift") }).text
        let declared = catalog.matches(of: /static let (\w+) = DiagnosticKind\(/).map { String($0.1) }
        let listed = catalog[catalog.range(of: "static let all")!.upperBound...]
        for name in declared {
            #expect(listed.contains(name), "\(name) is declared but not in DiagnosticCatalog.all")
            let used = files.contains { !$0.path.hasSuffix("DiagnosticCatalog.swift") && $0.text.contains("DiagnosticCatalog.\(name)") }
            #expect(used, "\(name) is declared but never reported")
        }
    }
}

/// `-` (standard input or output) is the command line's convention: only the CLI knows it.
@Suite struct StreamConventionTests {
    @Test func onlyTheCLIUnderstandsDash() throws {
        let offenders = try DiagnosticCatalogUseTests.sourceFiles().filter { file in
            // A path, input or output compared with "-" (characters compared with "-" are fine).
            !file.path.hasPrefix("concord/") && file.text.contains(/(?i)(path|input|output|file)s?\w* *[!=]= *"-"|contains\("-"\)/)
        }
        #expect(offenders.map(\.path).isEmpty, "library code that treats - as a stream: \(offenders.map(\.path))")
    }

    @Test func fileExistenceIsCheckedInOnePlace() throws {
        let checks = try DiagnosticCatalogUseTests.sourceFiles().filter { $0.text.contains("fileExists(atPath") }.map(\.path).sorted()
        // Inputs: InputLocation.requireExisting; stores: StoreFile.inspect; a folder given as a memory: UnitSourceOpener.
        #expect(checks == ["ConcordFormats/IO/InputLocation.swift", "ConcordFormats/UnitSource.swift", "ConcordMemory/StoreFile.swift"])
    }
}
