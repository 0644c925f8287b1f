/// The files a memory can be read from or written to, told apart by extension.
public enum MemoryFileFormat: String, CaseIterable, Sendable {
    case tmx, csv, tsv, jsonl

    /// The format a path's extension names, or nil.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        self.init(rawValue: String(path[path.index(after: dot)...]).lowercased())
    }

    /// The format named by `path`'s extension, or an error listing what is supported.
    public static func from(path: String, override: MemoryFileFormat? = nil) throws -> MemoryFileFormat {
        if let override { return override }
        guard let format = MemoryFileFormat(path: path) else {
            throw FormatError.unknownFormat(file: path, supported: allCases.map { "." + $0.rawValue })
        }
        return format
    }
}
