import ConcordModel
import ConcordXML

/// `--recover`: reads a TMX file as ``TMXReader`` does, but when the XML breaks part-way
/// it keeps every unit that was complete before the fault and reports the fault as a
/// `tmx.not-well-formed` finding instead of failing.
///
/// libxml2 stops a little before a fault (it parses ahead in chunks), so units just
/// before it may not have been handed out. The file is then read again up to the end of
/// the last unit that closed before the fault, closed off with `</body></tmx>`: that
/// prefix is well-formed, so it reads exactly as the whole file would have. Standard
/// input cannot be read twice: there reading stops at the fault.
public final class TMXRecoveringReader: UnitSource {
    public let fileName: String
    private let input: InputLocation
    private let readsText: Bool
    private var reader: TMXReader?
    private var yielded = 0
    /// While salvaging: how many units in all were complete before the fault.
    private var limit: Int?
    private var earlier: [Diagnostic] = []
    private var finished = false
    private var firstHeader: TMXHeader?

    /// Opens the file at `path`.
    public convenience init(path: String, readsText: Bool = true) throws {
        try self.init(input: .file(path), readsText: readsText)
    }

    /// Opens `input`.
    public init(input: InputLocation, readsText: Bool = true) throws {
        fileName = input.name
        self.input = input
        self.readsText = readsText
        do {
            reader = try TMXReader(input: input, options: TMXReader.Options(readsText: readsText))
            firstHeader = reader?.header
        } catch let FormatError.notWellFormed(file, line, column, message) {
            // The fault came before the first unit (libxml2 may stop before <body>).
            try salvage(after: fault(file: file, line: line, column: column, message: message), line: line, column: column)
        }
    }

    public var header: TMXHeader { firstHeader ?? reader?.header ?? TMXHeader() }
    public var metadata: MemoryMetadata { header.metadata }
    public var tmxHeader: TMXHeader? { header }

    /// Findings so far; what the salvaging pass finds again is not reported twice.
    public var diagnostics: [Diagnostic] {
        var seen = Set(earlier)
        return earlier + (reader?.diagnostics ?? []).filter { seen.insert($0).inserted }
    }

    public func next() throws -> TranslationUnit? {
        guard !finished, let reader else { return nil }
        if let limit, yielded >= limit {
            finished = true
            return nil
        }
        do {
            guard let unit = try reader.next() else {
                finished = true
                return nil
            }
            yielded += 1
            return unit
        } catch let FormatError.notWellFormed(file, line, column, message) where limit == nil {
            earlier += reader.diagnostics
            try salvage(after: fault(file: file, line: line, column: column, message: message), line: line, column: column)
            return try next()
        }
    }

    private func fault(file: String, line: Int, column: Int, message: String) -> Diagnostic {
        Diagnostic(DiagnosticCatalog.tmxNotWellFormed, message: "\(message); reading stopped here, the complete units before it were kept",
                   file: file, line: line, column: column)
    }

    /// Reads the file again up to the last unit complete before `line`:`column`, past the units already handed out.
    private func salvage(after fault: Diagnostic, line: Int, column: Int) throws {
        earlier.append(fault)
        reader = nil
        guard input.canBeReread else { return }
        let layout = try layout()
        let counted: (count: Int, endOffset: Int)
        do {
            counted = try ClosingTagCounter.count(tag: "tu", in: input.byteSource(), layout: layout, before: line, column: column)
        } catch let error as XMLError {
            throw FormatError(error, reading: fileName)
        }
        guard counted.count > yielded else { return }
        let closing = layout.encode("\n</body></tmx>\n")
        let salvaging = try TMXReader(source: TruncatedByteSource(try input.byteSource(), limit: counted.endOffset, suffix: closing),
                                      fileName: fileName, options: TMXReader.Options(readsText: readsText))
        for _ in 0..<yielded { _ = try salvaging.next() }
        reader = salvaging
        limit = counted.count
    }

    /// How the input lays out its characters, from its first bytes.
    private func layout() throws -> EncodingSniff.Layout {
        do {
            let source = try input.byteSource()
            var head = [UInt8](repeating: 0, count: 4096)
            let count = try head.withUnsafeMutableBytes { try source.read(into: $0) }
            return EncodingSniff(prefix: Array(head[0..<count])).layout
        } catch let error as XMLError {
            throw FormatError(error, reading: fileName)
        }
    }
}

extension EncodingSniff.Layout {
    /// `text` in this layout's bytes.
    func encode(_ text: String) -> [UInt8] {
        switch self {
        case .asciiCompatible: return Array(text.utf8)
        case .utf16LittleEndian: return text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case .utf16BigEndian: return text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        }
    }
}
