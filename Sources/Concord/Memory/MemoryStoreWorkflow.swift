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
                (report.read, report.added, report.merged) = try writer.addAll(from: source.next)
            }
            report.diagnostics = source.diagnostics
            reports.append(report)
        }
        return reports
    }

    /// Writes the store (or what `selection` keeps of it) as TMX, CSV, TSV or JSON Lines.
    public static func export(_ store: MemoryStore, to path: String, selection: UnitSelection) throws -> Int {
        var header = TMXHeader()
        header.creationTool = "Concord"
        header.creationToolVersion = ConcordVersion.string
        var columns = selection.languages
        if columns.isEmpty { columns = try store.languages().map { LanguageTag($0.tag) } }
        let writer = try MemoryFileWriter(path: path, header: header, columns: columns, inputs: [store.path])
        try store.forEachUnit { _, unit in
            if let kept = selection.apply(to: unit, defaultSource: nil) { try writer.write(kept) }
            return true
        }
        try writer.commit()
        return writer.unitsWritten
    }

    /// Deletes the units with `tuid`; returns how many.
    public static func delete(tuid: String, from store: MemoryStore) throws -> Int {
        try store.write { try $0.delete(tuid: tuid) }
    }
}
