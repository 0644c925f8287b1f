import ConcordFormats

/// `tmx convert`, `tmx merge` and `tmx filter`: memories copied into one output, keeping what
/// the selection keeps, duplicates merged on request.
public struct ConversionRequest: Codable, Sendable, Equatable {
    public var inputs: [InputLocation]
    public var output: OutputLocation
    public var selection: UnitSelection
    /// Merge units that are duplicates by the project's rule.
    public var dedupe: Bool
    /// Keep the complete units before broken XML instead of failing.
    public var recover: Bool

    public init(inputs: [InputLocation], output: OutputLocation, selection: UnitSelection = UnitSelection(),
                dedupe: Bool = false, recover: Bool = false) {
        self.inputs = inputs
        self.output = output
        self.selection = selection
        self.dedupe = dedupe
        self.recover = recover
    }

    public func run() throws -> ConversionReport {
        let report = try MemoryConversion.merge(inputs: inputs, output: output, selection: selection, dedupe: dedupe, recover: recover)
        return ConversionReport(read: report.unitsRead, written: report.unitsWritten, merged: report.duplicatesMerged,
                                diagnostics: report.diagnostics)
    }
}
