import ConcordFormats
import ConcordMemory
import ConcordModel
import Foundation

/// `concord tm import|export|stats|delete`: the persistent memory.
public enum MemoryStoreWorkflow {
    /// What an import did.
    public struct ImportReport: Sendable, Codable, Equatable {
        public var file: String
        public var read = 0
        public var added = 0
        public var merged = 0
        public var diagnostics: [Diagnostic] = []
    }

    /// Imports `inputs` into the store at `storePath`, creating it if need be. A store this call
    /// creates (at a missing path or over a zero-byte file) is removed again (or emptied back to
    /// zero bytes) when no file could be imported, so a failed first import leaves nothing behind.
    /// `committed` hears of each file as its transaction commits.
    /// `progress` hears every ``ImportProgress/interval`` units read, from the reading thread.
    public static func importFiles(_ inputs: [InputLocation], intoStoreAt storePath: String, xliffStates: Set<XLIFFState>? = nil,
                                   progress: @escaping @Sendable (ImportProgress) -> Void = { _ in },
                                   committed: (ImportReport) -> Void = { _ in }) throws -> [ImportReport] {
        for input in inputs { try input.requireExisting() }
        let created = newStore(at: storePath)
        var reports: [ImportReport] = []
        do {
            let store = try MemoryStore(path: storePath)
            _ = try importFiles(inputs, into: store, reports: &reports, xliffStates: xliffStates, progress: progress, committed: committed)
            return reports
        } catch {
            if let created, reports.isEmpty { removeStore(at: storePath, keepingEmptyFile: created == .overEmptyFile) }
            throw error
        }
    }

    /// How a store that does not exist yet will be made.
    public enum NewStore: Sendable { case atMissingPath, overEmptyFile }

    /// Whether writing the store at `path` creates it, and how; nil for an existing store.
    public static func newStore(at path: String) -> NewStore? {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil else { return .atMissingPath }
        return size == 0 ? .overEmptyFile : nil
    }

    /// Removes a store and its WAL files; `keepingEmptyFile` leaves the zero-byte file that was there.
    private static func removeStore(at path: String, keepingEmptyFile: Bool) {
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try? FileManager.default.removeItem(atPath: StoreIndex.folder(ofStoreAt: path))
        if keepingEmptyFile {
            _ = FileManager.default.createFile(atPath: path, contents: Data())
        } else {
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// Imports each file in its own transaction: a file that fails part-way adds
    /// nothing (the error says where); files before it stay imported. Duplicates
    /// (the project's rule) are merged: newest change date, union of props and notes.
    public static func importFiles(_ inputs: [InputLocation], into store: MemoryStore) throws -> [ImportReport] {
        var reports: [ImportReport] = []
        return try importFiles(inputs, into: store, reports: &reports)
    }

    /// Imports into `store`, appending to `reports` as each file commits (so a caller sees what
    /// was done before a failure).
    private static func importFiles(_ inputs: [InputLocation], into store: MemoryStore, reports: inout [ImportReport],
                                    xliffStates: Set<XLIFFState>? = nil, progress: @escaping @Sendable (ImportProgress) -> Void = { _ in },
                                    committed: (ImportReport) -> Void = { _ in }) throws -> [ImportReport] {
        var sources: [LanguageTag] = []
        defer {
            // Whatever was committed is indexed, even when a later file failed.
            if !reports.isEmpty {
                let problems = StoreIndexWorkflow.refresh(store, sources: sources)
                reports[reports.count - 1].diagnostics += problems
            }
        }
        for input in inputs {
            try input.requireExisting()
            let path = input.name
            let source = try UnitSourceOpener.open(input, xliffStates: xliffStates)
            var report = ImportReport(file: path)
            var read = 0
            let next: () throws -> TranslationUnit? = {
                let unit = try source.next()
                if unit != nil {
                    read += 1
                    if read % ImportProgress.interval == 0 { progress(ImportProgress(file: path, unitsRead: read)) }
                }
                return unit
            }
            try store.write { writer in
                let counts = try writer.addAll(from: next, defaultSource: source.metadata.sourceLanguageTag)
                (report.read, report.added, report.merged) = (counts.read, counts.added, counts.merged)
            }
            report.diagnostics = source.diagnostics
            if let language = source.metadata.sourceLanguageTag { sources.append(language) }
            reports.append(report)
            committed(report)
        }
        return reports
    }

    /// Adds `units` (made here, by an alignment) to the store at `storePath` in one transaction,
    /// creating it if need be (and removing it again if the transaction fails).
    public static func add(_ units: [TranslationUnit], from name: String, sourceLanguage: LanguageTag,
                           intoStoreAt storePath: String) throws -> ImportReport {
        let created = newStore(at: storePath)
        do {
            let store = try MemoryStore(path: storePath)
            var report = ImportReport(file: name)
            try store.write { writer in
                for unit in units {
                    report.read += 1
                    switch try writer.add(unit, defaultSource: sourceLanguage) {
                    case .added: report.added += 1
                    case .merged: report.merged += 1
                    }
                }
            }
            report.diagnostics += StoreIndexWorkflow.refresh(store, sources: [sourceLanguage])
            return report
        } catch {
            if let created { removeStore(at: storePath, keepingEmptyFile: created == .overEmptyFile) }
            throw error
        }
    }

    /// Writes the store (or what `selection` keeps of it) as TMX, CSV, TSV or JSON Lines.
    public static func export(_ store: MemoryStore, to output: OutputLocation, selection: UnitSelection) throws -> Int {
        var header = TMXHeader()
        header.creationTool = "Concord"
        header.creationToolVersion = ConcordVersion.string
        // The memory's source language when all its units share one (and the export keeps it), else *all*.
        if let common = try store.commonSourceLanguage(),
           selection.languages.isEmpty || selection.languages.contains(where: { $0.matches(LanguageTag(common)) }) {
            header.sourceLanguage = common
        }
        var columns = selection.languages
        if columns.isEmpty { columns = try store.languages().map { LanguageTag($0.tag) } }
        let writer = try MemoryFileWriter(output: output, header: header, columns: columns, inputs: [.file(store.path)])
        try store.forEachUnit { _, unit in
            if let kept = selection.apply(to: unit, defaultSource: nil) { try writer.write(kept) }
            return true
        }
        try writer.commit()
        return writer.unitsWritten
    }

    /// Deletes the units with `tuid`; returns how many.
    public static func delete(tuid: String, from store: MemoryStore) throws -> Int {
        let deleted = try store.write { try $0.delete(tuid: tuid) }
        // A failure to reindex leaves a stale index the next lookup rebuilds (and says so).
        if deleted > 0 { _ = StoreIndexWorkflow.refresh(store) }
        return deleted
    }
}

/// How far an import has read into a file.
public struct ImportProgress: Sendable, Equatable, Codable {
    /// Progress is reported every this many units.
    public static let interval = 10_000
    public var file: String
    public var unitsRead: Int
}
