import Concord
import FuzzSupport
import ConcordXML

/// TMX as the reader and the writer see it: read every unit (both XML paths,
/// the control-character filter), with and without text, write them back as
/// TMX and read that again. Errors are answers; crashes, hangs and
/// leaks are findings.
@_cdecl("fuzz_tmx_main")
public func entryPoint(_ argc: Int32, _ argv: FuzzDriver.Arguments) -> Int32 { FuzzDriver.run(argc, argv) { fuzzTMX($0!, $1) } }

public func fuzzTMX(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for readsText in [true, false] {
        guard let reader = try? TMXReader(source: MemoryByteSource(bytes), fileName: "fuzz.tmx", options: .init(readsText: readsText)) else { continue }
        var units: [TranslationUnit] = []
        while let unit = try? reader.next() { units.append(unit) }
        _ = reader.diagnostics
        guard readsText else { continue }
        var written: [UInt8] = []
        if let writer = try? TMXWriter(header: reader.header, fileName: "out.tmx", sink: { written += $0 }) {
            for unit in units { try? writer.write(unit) }
            try? writer.finish()
            // What Concord writes, Concord reads: a failure here is a finding.
            let again = try? TMXReader(source: MemoryByteSource(written), fileName: "again.tmx").readAll()
            if again == nil { fatalError("Concord could not read back its own TMX") }
        }
        _ = units.map(\.duplicateKey)
    }
    return 0
}
