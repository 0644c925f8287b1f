import ConcordFormats
import ConcordModel
import ConcordSegmentation
import Foundation

/// A sentence of a document, where it is.
public struct SentenceSegment: Sendable, Equatable {
    public var text: String
    /// 0-based paragraph index.
    public var paragraph: Int
    /// Unicode-scalar offsets into the document text as Concord extracts it (end-exclusive).
    public var start: Int
    public var end: Int
}

/// `concord segment`: read a document, split its paragraphs into sentences.
public enum DocumentSegmentation {
    /// Concord's own rules, shipped as `default.srx`.
    public static func defaultRules() throws -> SegmentationRuleSet {
        guard let url = Bundle.module.url(forResource: "default", withExtension: "srx") else {
            throw WorkflowError.missingInput(path: "default.srx (Concord's resources are not installed beside the binary)")
        }
        return try SRXReader.read(path: url.path)
    }

    /// The rules in `path`, or the default rules.
    public static func rules(path: String?) throws -> SegmentationRuleSet {
        guard let path else { return try defaultRules() }
        guard FileManager.default.fileExists(atPath: path) else { throw WorkflowError.missingInput(path: path) }
        return try SRXReader.read(path: path)
    }

    /// Reads a document; the format comes from `format`, else the extension, else plain text.
    public static func readDocument(path: String, format: DocumentFormat? = nil) throws -> TextDocument {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard FileManager.default.fileExists(atPath: path) else { throw WorkflowError.missingInput(path: path) }
            do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                throw FormatError.cannotOpen(file: path, reason: error.localizedDescription)
            }
        }
        let resolved = format ?? DocumentFormat(path: path) ?? .txt
        if resolved == .html { return try HTMLTextReader.read(Array(data), fileName: path) }
        var bytes = Array(data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw FormatError.badTable(file: path, line: 1, column: 1, message: "not UTF-8 text; save the document as UTF-8")
        }
        return resolved == .md ? MarkdownTextReader.read(text) : PlainTextReader.read(text)
    }

    /// The sentences of every paragraph, in order.
    public static func segment(_ document: TextDocument, with segmenter: Segmenter) throws -> [SentenceSegment] {
        var result: [SentenceSegment] = []
        try forEachSentence(of: document, with: segmenter) { result.append($0) }
        return result
    }

    /// Hands each sentence over as it is found (constant memory beyond the document).
    public static func forEachSentence(of document: TextDocument, with segmenter: Segmenter,
                                       _ body: (SentenceSegment) throws -> Void) throws {
        let scalars = document.text.unicodeScalars
        // Walk the text once: paragraph ranges come in order.
        var cursor = scalars.startIndex
        var cursorOffset = 0
        for (index, paragraph) in document.paragraphs.enumerated() {
            let start = scalars.index(cursor, offsetBy: paragraph.range.lowerBound - cursorOffset)
            let end = scalars.index(start, offsetBy: paragraph.range.count)
            cursor = end
            cursorOffset = paragraph.range.upperBound
            let text = String(scalars[start..<end])
            for sentence in try segmenter.split(text, lineBreaksEndSentences: !paragraph.isWrapped) {
                try body(SentenceSegment(text: sentence.text, paragraph: index,
                                         start: paragraph.range.lowerBound + sentence.range.lowerBound,
                                         end: paragraph.range.lowerBound + sentence.range.upperBound))
            }
        }
    }
}
