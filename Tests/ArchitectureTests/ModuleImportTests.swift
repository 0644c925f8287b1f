import Foundation
import Testing
import ConcordTestSupport

/// Keeps DESIGN.md's module arrows pointing down: only the two wrappers see C,
/// and no module imports one above it.
@Suite struct ModuleImportTests {
    /// Which of our modules each module may import.
    static let allowed: [String: Set<String>] = [
        "ConcordXML": ["CLibXML2"],
        "ConcordText": ["CICU", "CStemmer"],
        "ConcordModel": [],
        "ConcordFormats": ["ConcordModel", "ConcordXML", "ConcordText"],
        "ConcordSegmentation": ["ConcordModel", "ConcordText"],
        "ConcordMemory": ["ConcordModel", "ConcordText"],
        "ConcordTerminology": ["ConcordModel", "ConcordText"],
        "ConcordAlignment": ["ConcordModel", "ConcordText", "ConcordTerminology"],
        "ConcordChecks": ["ConcordModel", "ConcordText", "ConcordTerminology"],
        "Concord": ["ConcordModel", "ConcordXML", "ConcordText", "ConcordFormats", "ConcordSegmentation",
                    "ConcordMemory", "ConcordTerminology", "ConcordAlignment", "ConcordChecks"],
        // The CLI is thin: it speaks to the service layer only.
        "concord": ["Concord"],
    ]
    static let cModules: Set<String> = ["CLibXML2", "CICU", "CStemmer"]
    static let ourModules: Set<String> = Set(allowed.keys).union(cModules)

    /// (module, file, imported module) for every `import` of one of our modules.
    static func imports() throws -> [(module: String, file: String, imported: String)] {
        let sources = TestSupport.packageRoot.appendingPathComponent("Sources")
        var result: [(String, String, String)] = []
        let modules = try FileManager.default.contentsOfDirectory(atPath: sources.path)
        for module in modules {
            guard let files = FileManager.default.enumerator(atPath: sources.appendingPathComponent(module).path) else { continue }
            for case let file as String in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: sources.appendingPathComponent(module).appendingPathComponent(file), encoding: .utf8)
                for line in text.split(separator: "\n") {
                    let words = line.split(separator: " ").map(String.init)
                    guard let index = words.firstIndex(of: "import"), index + 1 < words.count else { continue }
                    let modifiers = words[..<index]
                    guard modifiers.allSatisfy({ ["@_implementationOnly", "@testable", "internal", "public", "private", "fileprivate", "package", "@preconcurrency"].contains($0) }) else { continue }
                    let imported = String(words[index + 1].split(separator: ".").first ?? "")
                    if ourModules.contains(imported) { result.append((module, file, imported)) }
                }
            }
        }
        return result
    }

    @Test func onlyTheWrappersImportCModules() throws {
        let offenders = try Self.imports().filter { Self.cModules.contains($0.imported) && !["ConcordXML", "ConcordText"].contains($0.module) }
        #expect(offenders.isEmpty, "C modules imported outside ConcordXML/ConcordText: \(offenders)")
    }

    @Test func moduleArrowsPointDown() throws {
        let all = try Self.imports()
        #expect(!all.isEmpty)
        for entry in all where entry.module != entry.imported {
            let permitted = Self.allowed[entry.module] ?? []
            #expect(permitted.contains(entry.imported), "\(entry.module)/\(entry.file) imports \(entry.imported)")
        }
    }

    /// The value types know nothing of the command line: no exit statuses, options or standard streams.
    @Test func theModelHoldsNoCLINotion() throws {
        let model = TestSupport.packageRoot.appendingPathComponent("Sources/ConcordModel")
        let files = try FileManager.default.contentsOfDirectory(atPath: model.path).filter { $0.hasSuffix(".swift") }
        #expect(!files.isEmpty)
        for file in files {
            let text = try String(contentsOf: model.appendingPathComponent(file), encoding: .utf8)
            for notion in ["ExitStatus", "exit status", "argv", "stdout", "stderr", "ArgumentParser", "--format", "--json"] {
                #expect(!text.contains(notion), "ConcordModel/\(file) mentions \(notion)")
            }
        }
    }

    /// The CLI speaks to the service layer and the argument parser, nothing else of ours or others'.
    @Test func theCLIImportsOnlyTheServiceLayer() throws {
        let cli = TestSupport.packageRoot.appendingPathComponent("Sources/concord")
        guard let files = FileManager.default.enumerator(atPath: cli.path) else { return }
        for case let file as String in files where file.hasSuffix(".swift") {
            let text = try String(contentsOf: cli.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("import ") {
                let module = line.dropFirst("import ".count).trimmingCharacters(in: .whitespaces)
                #expect(["Concord", "ArgumentParser", "Foundation", "Glibc", "Dispatch"].contains(module), "concord/\(file) imports \(module)")
            }
        }
    }
}
