import ConcordFormats
import ConcordMemory
import ConcordModel
import Foundation

/// `concord tm lookup`: matches for sentences from memories given as files.
public enum MemoryLookup {
    /// A memory file with its penalty: points taken off its matches (as in OmegaT and Trados).
    public struct Source: Sendable, Codable, Equatable {
        public var input: InputLocation
        public var penalty: Int

        /// Throws a usage error for a penalty outside 0–100.
        public init(_ input: InputLocation, penalty: Int = 0) throws {
            guard (0...100).contains(penalty) else {
                throw WorkflowError.usage("\(input.name): a memory penalty is a number from 0 to 100 (FILE:5 takes 5 points off its matches)")
            }
            self.input = input
            self.penalty = penalty
        }
    }

    /// Loads the memories (stores and files) for the pair `from` → `to` into an index.
    public static func index(_ sources: [Source], stores: [String] = [], from: LanguageTag, to: LanguageTag) throws -> LoadedMemory {
        let index = try TranslationMemoryIndex()
        var diagnostics: [Diagnostic] = []
        for path in stores {
            let store = try MemoryStore(path: path, access: .readOnly)
            let before = index.count
            try index.add(store: store, from: from, to: to, origin: (path as NSString).lastPathComponent)
            if index.count == before {
                diagnostics.append(noPairs(in: path, languages: try store.languages().map { LanguageTag($0.tag) }, from: from, to: to))
            }
        }
        for source in sources {
            try source.input.requireExisting()
            let reader = try UnitSourceOpener.open(source.input)
            var units: [TranslationUnit] = []
            while let unit = try reader.next() { units.append(unit) }
            diagnostics += reader.diagnostics
            let before = index.count
            try index.add(units, from: from, to: to, origin: (source.input.name as NSString).lastPathComponent, penalty: source.penalty)
            if index.count == before {
                var languages: [LanguageTag] = []
                for unit in units { for language in unit.languages where !languages.contains(language) { languages.append(language) } }
                diagnostics.append(noPairs(in: source.input.name, languages: languages, from: from, to: to))
            }
        }
        for reference in index.unitsWithTooManyVariants {
            diagnostics.append(Diagnostic(DiagnosticCatalog.memoryTooManyVariants,
                                          message: "\(reference.unit) has more than \(TranslationMemoryIndex.maximumVariantsPerSide) variants in one language; only the first \(TranslationMemoryIndex.maximumVariantsPerSide) of each are matched",
                                          file: reference.origin))
        }
        for note in index.indexNotes {
            let kind = if case .rebuilt = note.kind { DiagnosticCatalog.memoryIndexRebuilt } else { DiagnosticCatalog.memoryIndexNotSaved }
            diagnostics.append(Diagnostic(kind, message: note.message, file: note.store))
        }
        index.prepare()
        return LoadedMemory(index: index, diagnostics: diagnostics)
    }

    /// A memory with nothing for the pair asked for: most often a language typed wrongly.
    private static func noPairs(in path: String, languages: [LanguageTag], from: LanguageTag, to: LanguageTag) -> Diagnostic {
        let list = languages.isEmpty ? "it is empty" : "its languages are \(languages.map(\.canonical).sorted().joined(separator: ", "))"
        return Diagnostic(DiagnosticCatalog.memoryNoLanguagePair,
                          message: "no unit has both \(from.canonical) and \(to.canonical); \(list)", file: path)
    }
}

/// Memories loaded for one language pair, ready for lookups, with what loading them found.
public struct LoadedMemory {
    public var index: TranslationMemoryIndex
    public var diagnostics: [Diagnostic]
}
