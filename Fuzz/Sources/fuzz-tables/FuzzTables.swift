import Concord
import FuzzSupport
import Foundation

/// CSV and TSV: the delimited-table reader, glossaries read from tables, and
/// memories read from tables (through a file, as the CLI reads them).
@_cdecl("fuzz_tables_main")
public func entryPoint(_ argc: Int32, _ argv: FuzzDriver.Arguments) -> Int32 { FuzzDriver.run(argc, argv) { fuzzTables($0!, $1) } }

public func fuzzTables(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: bytes, as: UTF8.self)
    for delimiter in [Delimiter.comma, .tab] {
        _ = try? DelimitedTableReader(fileName: "fuzz", delimiter: delimiter).rows(in: text)
        if let glossary = try? GlossaryTable.read(text: text, fileName: "fuzz", delimiter: delimiter) {
            _ = try? GlossaryValidation.validate(glossary, file: "fuzz")
        }
        let path = FuzzFile.path(delimiter == .comma ? "csv" : "tsv")
        guard (try? bytes.write(to: URL(fileURLWithPath: path))) != nil,
              let reader = try? TableUnitReader(path: path, delimiter: delimiter) else { continue }
        while let unit = try? reader.next() { _ = unit.duplicateKey }
    }
    return 0
}

/// One scratch file per process, in memory where the system has a tmpfs.
enum FuzzFile {
    static func path(_ ext: String) -> String {
        let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        return "\(folder)/concord-fuzz-\(getpid()).\(ext)"
    }
}
