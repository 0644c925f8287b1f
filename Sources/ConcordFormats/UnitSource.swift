import ConcordModel
import Foundation

/// Anything that yields translation units one at a time: a TMX file, a table.
public protocol UnitSource: AnyObject {
    /// The next unit, or nil at the end.
    func next() throws -> TranslationUnit?
    /// Findings so far.
    var diagnostics: [Diagnostic] { get }
    /// What the file says about itself (for tables, nothing).
    var metadata: MemoryMetadata { get }
    /// The TMX header with what only TMX holds (`ude`, attributes of other tools), for TMX sources.
    var tmxHeader: TMXHeader? { get }
}

extension UnitSource {
    public var tmxHeader: TMXHeader? { nil }
}

extension TMXReader: UnitSource {
    public var metadata: MemoryMetadata { header.metadata }
    public var tmxHeader: TMXHeader? { header }
}

/// Opens a memory file of any supported format for reading.
public enum UnitSourceOpener {
    /// A reader for the file at `path`.
    public static func open(path: String, format: MemoryFileFormat? = nil, recover: Bool = false, readsText: Bool = true) throws -> UnitSource {
        try open(.file(path), format: format, recover: recover, readsText: readsText)
    }

    /// A reader for `input` (in the format its name says; standard input and bytes are TMX
    /// unless `format` says otherwise). With `readsText` false, a TMX reader skips segment
    /// text (statistics only).
    /// `xliffStates`: for XLIFF, the states whose targets are taken (nil: ``XLIFFUnit/isTranslated(states:)``'s default).
    public static func open(_ input: InputLocation, format: MemoryFileFormat? = nil, recover: Bool = false, readsText: Bool = true,
                            xliffStates: Set<XLIFFState>? = nil) throws -> UnitSource {
        // A folder has no format to tell: say what it is before judging its name.
        var isDirectory: ObjCBool = false
        if let path = input.path, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw FormatError.cannotOpen(file: path, reason: "is a directory, not a memory file")
        }
        if format == nil, let path = input.path, XLIFFUnitSource.isXLIFF(path) { return try XLIFFUnitSource(input: input, states: xliffStates) }
        let resolved = try format ?? (input.path.map { try MemoryFileFormat.from(path: $0) } ?? .tmx)
        switch resolved {
        case .tmx:
            return recover ? try TMXRecoveringReader(input: input, readsText: readsText)
                           : try TMXReader(input: input, options: TMXReader.Options(readsText: readsText))
        case .csv, .tsv:
            return try TableUnitReader(input: input, delimiter: resolved == .csv ? .comma : .tab)
        case .jsonl:
            throw FormatError.unknownFormat(file: input.name, supported: [".tmx", ".csv", ".tsv"])
        }
    }
}
