import ConcordFormats
import ConcordModel
import ConcordSegmentation
import Foundation

/// A sentence of a document, where it is.
public struct SentenceSegment: Sendable, Equatable, Codable {
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
            throw FormatError.missingFile("default.srx (Concord's resources are not installed beside the binary)")
        }
        return try SRXReader.read(path: url.path)
    }

    /// The SCO glossary shipped with Concord (`Glossaries/sco.tbx`), for anchoring alignments.
    public static func bundledGlossary() throws -> Glossary {
        try bundled.get()
    }

    /// Read once per process: an archive aligns many document pairs with it.
    private static let bundled = Result<Glossary, any Error> {
        guard let url = Bundle.module.url(forResource: "sco", withExtension: "tbx") else {
            throw FormatError.missingFile("sco.tbx (Concord's resources are not installed beside the binary)")
        }
        return try GlossaryFile.read(path: url.path)
    }

    /// The rules in `path`, or the default rules.
    public static func rules(path: String?) throws -> SegmentationRuleSet {
        guard let path else { return try defaultRules() }
        try InputLocation.file(path).requireExisting()
        return try SRXReader.read(path: path)
    }

    /// Reads a document; the format comes from `format`, else the extension, else plain text.
    /// `encoding` names the document's charset when it is neither Unicode nor declared in HTML.
    public static func readDocument(_ input: InputLocation, format: DocumentFormat? = nil, encoding: String? = nil) throws -> TextDocument {
        try input.requireExisting()
        let path = input.name
        let bytes = [UInt8](try TextFileBytes.read(input, checksBinary: encoding == nil))
        let resolved = format ?? input.path.flatMap(DocumentFormat.init(path:)) ?? .txt
        if resolved == .html {
            // libxml2 reads the charset an HTML file declares; a named or UTF-16/32 one is decoded here.
            guard encoding != nil || (TextDecoding.unicodeForm(of: bytes).map { $0.charset != "UTF-8" } ?? false) else {
                return try HTMLTextReader.read(bytes, fileName: path)
            }
            let text = try TextDecoding.decode(bytes, fileName: path, encoding: encoding)
            return try HTMLTextReader.read(Array(text.utf8), fileName: path, encoding: "UTF-8")
        }
        let text = try TextDecoding.decode(bytes, fileName: path, encoding: encoding)
        return resolved == .md ? MarkdownTextReader.read(text) : PlainTextReader.read(text)
    }

    /// A warning when `document` holds no text, else nil: an empty output should not be a mystery.
    public static func emptiness(of document: TextDocument, name: String) -> Diagnostic? {
        guard document.text.unicodeScalars.allSatisfy(\.properties.isWhitespace) else { return nil }
        return Diagnostic(DiagnosticCatalog.documentEmpty, message: "is empty: it holds no text to segment", file: name)
    }

    /// The sentences of every paragraph, in order.
    public static func segment(_ document: TextDocument, with segmenter: Segmenter) throws -> [SentenceSegment] {
        var result: [SentenceSegment] = []
        try forEachSentence(of: document, with: segmenter) { result.append($0) }
        return result
    }

    /// Hands each sentence over as it is found (constant memory beyond the document).
    ///
    /// Consecutive paragraphs whose line breaks end sentences are segmented
    /// together, in chunks of about 64 K characters: the text between them is
    /// only white space and line breaks, which always end a sentence, so the
    /// result is the same as paragraph by paragraph, at a fraction of the cost
    /// for documents of many short paragraphs.
    public static func forEachSentence(of document: TextDocument, with segmenter: Segmenter,
                                       _ body: (SentenceSegment) throws -> Void) throws {
        let scalars = document.text.unicodeScalars
        let utf8 = document.text.utf8
        var cursor = scalars.startIndex
        var cursorOffset = 0
        func slice(_ range: Range<Int>, utf8Range: Range<Int>?) -> String {
            if let utf8Range {
                // Byte offsets cut the text out directly (O(1) on native strings).
                let start = utf8.index(utf8.startIndex, offsetBy: utf8Range.lowerBound)
                let end = utf8.index(utf8.startIndex, offsetBy: utf8Range.upperBound)
                return String(document.text[start..<end])
            }
            let start = scalars.index(cursor, offsetBy: range.lowerBound - cursorOffset)
            let end = scalars.index(start, offsetBy: range.count)
            cursor = end
            cursorOffset = range.upperBound
            return String(scalars[start..<end])
        }
        let paragraphs = document.paragraphs
        var index = 0
        while index < paragraphs.count {
            var last = index
            if !paragraphs[index].isWrapped {
                while last + 1 < paragraphs.count, !paragraphs[last + 1].isWrapped,
                      paragraphs[last + 1].range.upperBound - paragraphs[index].range.lowerBound < 65_536 { last += 1 }
            }
            let chunk = paragraphs[index].range.lowerBound..<paragraphs[last].range.upperBound
            var bytes: Range<Int>?
            if let first = paragraphs[index].utf8Range, let final = paragraphs[last].utf8Range { bytes = first.lowerBound..<final.upperBound }
            let text = slice(chunk, utf8Range: bytes)
            var owner = index
            for sentence in try segmenter.split(text, lineBreaksEndSentences: !paragraphs[index].isWrapped) {
                let start = chunk.lowerBound + sentence.range.lowerBound
                while owner < last, start >= paragraphs[owner + 1].range.lowerBound { owner += 1 }
                try body(SentenceSegment(text: sentence.text, paragraph: owner, start: start,
                                         end: chunk.lowerBound + sentence.range.upperBound))
            }
            index = last + 1
        }
    }
}
