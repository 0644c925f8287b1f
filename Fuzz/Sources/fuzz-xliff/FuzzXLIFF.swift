import Concord
import Foundation
import FuzzSupport

/// XLIFF 2.0 and 1.2: read, rebuilt into the release (finish), its translated units read as a
/// memory, and written in both versions and read back — what Concord writes it must read.
@_cdecl("fuzz_xliff_main")
public func entryPoint(_ argc: Int32, _ argv: FuzzDriver.Arguments) -> Int32 { FuzzDriver.run(argc, argv) { fuzzXLIFF($0!, $1) } }

public func fuzzXLIFF(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    guard let document = try? XLIFFReader.read(.bytes(name: "fuzz.xlf", content: Array(bytes))) else { return 0 }
    _ = try? ReleaseAssembly.finish(document)
    if let units = try? XLIFFUnitSource(input: .bytes(name: "fuzz.xlf", content: Array(bytes))) { while (try? units.next()) != nil {} }
    for version in XLIFFVersion.allCases {
        var copy = document
        copy.version = version
        guard let written = try? XLIFFWriter.data(copy) else { continue }
        guard let again = try? XLIFFReader.read(.bytes(name: "again.xlf", content: written)) else {
            fatalError("Concord could not read back its own XLIFF \(version.rawValue)")
        }
        if again.units.count != document.units.count { fatalError("XLIFF \(version.rawValue) round trip lost units") }
    }
    return 0
}
