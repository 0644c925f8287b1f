import ConcordFormats
import ConcordMemory
import ConcordModel
import Foundation

/// `concord tm import|export|stats|delete`: the persistent memory.
public enum MemoryStoreWorkflow {
    /// What an import did.
    public struct ImportReport: Sendable {
        public var file: String
        public var read = 0
        public var added = 0
        public var merged = 0
        public var diagnostics: [Diagnostic] = []
    }

    /// Imports each file in its own transaction: a file that fails part-way adds
    /// nothing (the error says where); files before it stay imported. Duplicates
    /// (the project's rule) are merged: newest change date, union of props and notes.
    public static func importFiles(_ paths: [String], into store: MemoryStore) throws -> [ImportReport] {
        var reports: [ImportReport] = []
        for path in paths {
            guard path == "-" || FileManager.default.fileExists(atPath: path) else { throw WorkflowError.missingInput(path: path) }
            let source = try UnitSourceOpener.open(path: path)
            var report = ImportReport(file: path)
            try store.write { writer in
                while let unit = try source.next() {
                    report.read += 1
                    guard !unit.variants.isEmpty else { continue }
                    let key = unit.duplicateKey.stableString
                    if let stored = try writer.unit(duplicateKey: key) {
                        var merged = try TMXFragment.decode([Array(stored.payload)]).first ?? unit
                        merged.merge(unit)
                        try writer.update(id: stored.id, tuid: merged.tuid, latestDate: merged.latestDate?.secondsSinceEpoch,
                                          payload: Data(try TMXFragment.encode(merged)))
                        report.merged += 1
                    } else {
                        try writer.insert(duplicateKey: key, tuid: unit.tuid, latestDate: unit.latestDate?.secondsSinceEpoch,
                                          languages: unit.languages.map(\.canonical), payload: Data(try TMXFragment.encode(unit)))
                        report.added += 1
                    }
                }
            }
            report.diagnostics = source.diagnostics
            reports.append(report)
        }
        return reports
    }

    /// Every stored unit, decoded, in the order stored.
    public static func units(in store: MemoryStore) throws -> [TranslationUnit] {
        var fragments: [[UInt8]] = []
        try store.forEachUnit { fragments.append(Array($0.payload)) }
        return try TMXFragment.decode(fragments)
    }

    /// Writes the store (or what `selection` keeps of it) as TMX, CSV, TSV or JSON Lines.
    public static func export(_ store: MemoryStore, to path: String, selection: UnitSelection) throws -> Int {
        var header = TMXHeader()
        header.creationTool = "Concord"
        header.creationToolVersion = ConcordVersion.string
        let units = try Self.units(in: store)
        var columns = selection.languages
        if columns.isEmpty {
            for unit in units { for language in unit.languages where !columns.contains(language) { columns.append(language) } }
        }
        let writer = try MemoryFileWriter(path: path, header: header, columns: columns)
        for unit in units {
            if let kept = selection.apply(to: unit, defaultSource: nil) { try writer.write(kept) }
        }
        try writer.commit()
        return writer.unitsWritten
    }

    /// Deletes the units with `tuid`; returns how many.
    public static func delete(tuid: String, from store: MemoryStore) throws -> Int {
        try store.write { try $0.delete(tuid: tuid) }
    }
}
