import ConcordModel
import ConcordXML
import Foundation
import Testing
@testable import ConcordFormats

/// Entity and character references cut by a read boundary: every offset of the
/// reference across the first boundary (4096, where the sniffed prefix hands
/// over to the stream) and later ones, on both XML paths and in windows-1252.
@Suite struct ReferenceBoundaryTests {
    /// A reference and the text it stands for.
    static let references: [(written: String, meaning: String)] = [
        ("&amp;", "&"), ("&lt;", "<"), ("&quot;", "\""), ("&#65;", "A"), ("&#x41;", "A"),
        ("&#x4E2D;", "中"), ("&#128512;", "😀"), ("&#x1F600;", "😀"),
    ]
    /// Characters of 1 to 4 bytes in UTF-8 around the reference.
    static let neighbours = ["e", "é", "中", "😀"]
    static let boundaries = [4096, 4096 + 65536, 65536]

    /// A TMX document whose only `<seg>` holds `text`, placed so that `text`
    /// starts at byte `start`; `declaration` and `doctype` choose the path.
    static func document(text: [UInt8], start: Int, declaration: String, doctype: String = "") -> [UInt8] {
        let head = Array("\(declaration)\n\(doctype)<tmx version=\"1.4\"><header creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"x\" adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/><body>\n".utf8)
        let open = Array("<tu><tuv xml:lang=\"en\"><seg>".utf8)
        let padding = start - head.count - open.count - "<!---->".utf8.count
        precondition(padding >= 0)
        let comment = Array("<!--".utf8) + [UInt8](repeating: 0x61, count: padding) + Array("-->".utf8)
        let tail = Array("</seg></tuv><tuv xml:lang=\"ru\"><seg>x</seg></tuv></tu>\n</body></tmx>\n".utf8)
        return head + comment + open + text + tail
    }

    static func firstSegment(_ bytes: [UInt8], source: (([UInt8]) -> ByteSource)? = nil) throws -> String {
        let input = source?(bytes) ?? MemoryByteSource(bytes)
        let reader = try TMXReader(source: input, fileName: "cut.tmx")
        let units = try reader.readAll()
        #expect(reader.diagnostics.isEmpty, "\(reader.diagnostics)")
        return units.first?.variants.first?.segment.plainText ?? ""
    }

    /// Runs `check` for every reference, neighbour, boundary and offset that cuts the reference.
    static func everyCut(_ neighbours: [String], _ check: (_ text: [UInt8], _ start: Int, _ expected: String) throws -> Void) rethrows {
        for reference in references {
            for neighbour in neighbours {
                let before = Array(neighbour.utf8)
                let text = before + Array(reference.written.utf8) + before + Array("Z".utf8)
                let expected = neighbour + reference.meaning + neighbour + "Z"
                for boundary in boundaries {
                    // From the boundary falling just before the reference to just after it.
                    for cut in 0...(reference.written.utf8.count + before.count) {
                        try check(text, boundary - before.count - cut + 1, expected)
                    }
                }
            }
        }
    }

    @Test func referencesCutOnTheFastPath() throws {
        try Self.everyCut(Self.neighbours) { text, start, expected throws in
            let bytes = Self.document(text: text, start: start, declaration: #"<?xml version="1.0" encoding="UTF-8"?>"#)
            #expect(try Self.firstSegment(bytes) == expected, "start \(start)")
        }
    }

    @Test func referencesCutOnTheDTDPath() throws {
        try Self.everyCut(Self.neighbours) { text, start, expected throws in
            let bytes = Self.document(text: text, start: start, declaration: #"<?xml version="1.0" encoding="UTF-8"?>"#,
                                      doctype: "<!DOCTYPE tmx [<!ENTITY org \"SCO\">]>\n")
            #expect(try Self.firstSegment(bytes) == expected, "start \(start)")
        }
    }

    @Test func referencesCutInWindows1252() throws {
        let latin1 = [(String, [UInt8])](arrayLiteral: ("e", [0x65]), ("é", [0xE9]))
        for (neighbour, encoded) in latin1 {
            for reference in Self.references {
                let text = encoded + Array(reference.written.utf8) + encoded + Array("Z".utf8)
                for boundary in Self.boundaries {
                    for cut in 0...(reference.written.utf8.count + 1) {
                        let bytes = Self.document(text: text, start: boundary - cut, declaration: #"<?xml version="1.0" encoding="windows-1252"?>"#)
                        #expect(try Self.firstSegment(bytes) == neighbour + reference.meaning + neighbour + "Z")
                    }
                }
            }
        }
    }

    /// Reads of any size, down to one byte, give the same text.
    @Test func anyReadSize() throws {
        for size in [1, 2, 3, 4, 5, 7, 13, 4095, 4097] {
            try Self.everyCut(["中"]) { text, start, expected throws in
                guard start < 4200 else { return }
                let bytes = Self.document(text: text, start: start, declaration: #"<?xml version="1.0" encoding="UTF-8"?>"#)
                #expect(try Self.firstSegment(bytes, source: { TrickleByteSource($0, size: size) }) == expected, "size \(size) start \(start)")
            }
        }
    }

    /// A forbidden reference cut by the boundary is still removed, once, and reported.
    @Test func forbiddenReferenceCutIsRemovedOnce() throws {
        for cut in 0...6 {
            let text = Array("a&#x1;bZ".utf8)
            let bytes = Self.document(text: text, start: 4096 - cut, declaration: #"<?xml version="1.0" encoding="UTF-8"?>"#)
            let reader = try TMXReader(source: MemoryByteSource(bytes), fileName: "cut.tmx")
            let units = try reader.readAll()
            #expect(units.first?.variants.first?.segment.plainText == "abZ")
            #expect(reader.diagnostics.map(\.id) == ["tmx.control-character"])
        }
    }
}

/// Hands out at most `size` bytes per read.
final class TrickleByteSource: ByteSource {
    private let bytes: [UInt8]
    private let size: Int
    private var position = 0

    init(_ bytes: [UInt8], size: Int) {
        self.bytes = bytes
        self.size = size
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = min(buffer.count, size, bytes.count - position)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[position..<position + count]))
        }
        position += count
        return count
    }
}

/// Forbidden characters: positions in the original file, and a bounded list.
@Suite struct ControlCharacterReportTests {
    @Test func positionsCountRemovedCharactersToo() throws {
        let text = "<tu><tuv xml:lang=\"en\"><seg>a\u{1}b&#x2;c\u{3}é\u{4}</seg></tuv></tu>"
        let bytes = Array(TMXReaderTests.tmx(text).utf8)
        let reader = try TMXReader(source: MemoryByteSource(bytes), fileName: "c.tmx")
        let units = try reader.readAll()
        #expect(units.first?.variants.first?.segment.plainText == "abcé")
        let line = TMXReaderTests.tmx(text).split(separator: "\n", omittingEmptySubsequences: false)[1]
        let start = line.distance(from: line.startIndex, to: line.range(of: "<seg>")!.upperBound) + 1
        let removals = reader.diagnostics.filter { $0.id == "tmx.control-character" }
        #expect(removals.map(\.column) == [start + 1, start + 3, start + 9, start + 11])
        #expect(removals.allSatisfy { $0.line == 2 })
    }

    @Test func manyRemovalsAreListedUpToACapThenCounted() throws {
        let body = "<tu><tuv xml:lang=\"en\"><seg>" + String(repeating: "\u{0}", count: 300_000) + "x</seg></tuv></tu>"
        let reader = try TMXReader(source: MemoryByteSource(Array(TMXReaderTests.tmx(body).utf8)), fileName: "nul.tmx")
        let units = try reader.readAll()
        #expect(units.first?.variants.first?.segment.plainText == "x")
        let diagnostics = reader.diagnostics.filter { $0.id == "tmx.control-character" }
        #expect(diagnostics.count == ControlCharacterFilter.maximumListed + 1)
        #expect(diagnostics.last?.message.contains("\(300_000 - ControlCharacterFilter.maximumListed) more") == true)
        // Columns keep counting along the one long line.
        #expect(diagnostics[99].column == diagnostics[0].column.map { $0 + 99 })
    }
}
