import Concord
import FuzzSupport
import ConcordSegmentation

/// Documents as plain text, Markdown and HTML, each segmented with Concord's
/// rules and checked for terms (the paths `segment` and `terms` take).
@_cdecl("fuzz_documents_main")
public func entryPoint(_ argc: Int32, _ argv: FuzzDriver.Arguments) -> Int32 { FuzzDriver.run(argc, argv) { fuzzDocuments($0!, $1) } }

public func fuzzDocuments(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: bytes, as: UTF8.self)
    var documents = [PlainTextReader.read(text), MarkdownTextReader.read(text)]
    if let html = try? HTMLTextReader.read(bytes, fileName: "fuzz.html") { documents.append(html) }
    for document in documents {
        for paragraph in document.paragraphs { precondition(paragraph.range.upperBound <= document.text.unicodeScalars.count) }
        _ = try? DocumentSegmentation.segment(document, with: FuzzSegmenter.english)
    }
    return 0
}

enum FuzzSegmenter {
    /// Built once: the rules are the same for every input.
    nonisolated(unsafe) static let english = try! Segmenter(ruleSet: DocumentSegmentation.defaultRules(), language: LanguageTag("en"))
}
