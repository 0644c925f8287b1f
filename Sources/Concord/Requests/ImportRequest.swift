import ConcordFormats

/// `tm import`: memory files added to a store, one transaction per file.
public struct ImportRequest: Codable, Sendable, Equatable {
    public var inputs: [InputLocation]
    /// The store's path (created when missing).
    public var store: String
    /// For XLIFF inputs, the states whose targets are imported (nil: translated, reviewed, final,
    /// and initial targets that differ from their source).
    public var xliffStates: Set<XLIFFState>?

    public init(inputs: [InputLocation], store: String, xliffStates: Set<XLIFFState>? = nil) {
        self.inputs = inputs
        self.store = store
        self.xliffStates = xliffStates
    }

    /// `progress` hears from the reading thread every ``ImportProgress/interval`` units;
    /// `committed` hears of each file as its transaction commits.
    public func run(progress: @escaping @Sendable (ImportProgress) -> Void = { _ in },
                    committed: (MemoryStoreWorkflow.ImportReport) -> Void = { _ in }) throws -> ImportResult {
        ImportResult(files: try MemoryStoreWorkflow.importFiles(inputs, intoStoreAt: store, xliffStates: xliffStates, progress: progress, committed: committed))
    }
}

/// What an import did, file by file.
public struct ImportResult: Codable, Sendable, Equatable {
    public var files: [MemoryStoreWorkflow.ImportReport]

    /// The whole import as `{"read", "written", "merged", "skipped", "diagnostics"}`.
    public var summary: ConversionReport {
        ConversionReport(read: files.reduce(0) { $0 + $1.read }, written: files.reduce(0) { $0 + $1.added },
                         merged: files.reduce(0) { $0 + $1.merged }, diagnostics: files.flatMap(\.diagnostics))
    }
}
