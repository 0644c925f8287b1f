import ConcordModel
import Foundation

/// Anything that yields translation units one at a time: a TMX file, a table.
public protocol UnitSource: AnyObject {
    /// The next unit, or nil at the end.
    func next() throws -> TranslationUnit?
    /// Findings so far.
    var diagnostics: [Diagnostic] { get }
    /// The header (for tables, an empty one).
    var header: TMXHeader { get }
}

extension TMXReader: UnitSource {}

/// Opens a memory file of any supported format for reading.
public enum UnitSourceOpener {
    /// A reader for `path` (`-` is standard input, read as TMX unless `format` says otherwise).
    /// With `readsText` false, a TMX reader skips segment text (statistics only).
    public static func open(path: String, format: MemoryFileFormat? = nil, recover: Bool = false, readsText: Bool = true) throws -> UnitSource {
        // A folder has no format to tell: say what it is before judging its name.
        var isDirectory: ObjCBool = false
        if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw FormatError.cannotOpen(file: path, reason: "is a directory, not a memory file")
        }
        let resolved = try format ?? (path == "-" ? .tmx : MemoryFileFormat.from(path: path))
        switch resolved {
        case .tmx:
            return try TMXReader(path: path, options: TMXReader.Options(recover: recover, readsText: readsText))
        case .csv, .tsv:
            return try TableUnitReader(path: path, delimiter: resolved == .csv ? .comma : .tab)
        case .jsonl:
            throw FormatError.unknownFormat(file: path, supported: [".tmx", ".csv", ".tsv"])
        }
    }
}
