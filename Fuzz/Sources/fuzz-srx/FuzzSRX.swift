import Concord
import FuzzSupport
import ConcordSegmentation

/// SRX rule sets: read them, compile them for a few languages (ICU regular
/// expressions, under their time limit) and segment a text with them; write the
/// rules back and read them again.
@_cdecl("fuzz_srx_main")
public func entryPoint(_ argc: Int32, _ argv: FuzzDriver.Arguments) -> Int32 { FuzzDriver.run(argc, argv) { fuzzSRX($0!, $1) } }

public func fuzzSRX(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let rules = try? SRXReader.read(text: text, fileName: "fuzz.srx") else { return 0 }
    for language in ["en", "ru", "zh", "und"] {
        guard let segmenter = try? Segmenter(ruleSet: rules, language: LanguageTag(language)) else { continue }
        _ = try? segmenter.split("Mr. Smith met Dr. Ivanov at 10 a.m. on 24 April. The SCO summit opened. 会议开始了。Заседание открылось.")
    }
    var written: [UInt8] = []
    guard (try? SRXWriter.write(rules, sink: { written += $0 })) != nil else { return 0 }
    if (try? SRXReader.read(text: String(decoding: written, as: UTF8.self), fileName: "again.srx")) == nil {
        fatalError("Concord could not read back its own SRX")
    }
    return 0
}
