import Concord
import FuzzSupport

/// TBX 2019 and 2008 (martif) glossaries: read, recognise their terms in their
/// own text, validate, and write both dialects and read them back.
@_cdecl("fuzz_tbx_main")
public func entryPoint(_ argc: Int32, _ argv: FuzzDriver.Arguments) -> Int32 { FuzzDriver.run(argc, argv) { fuzzTBX($0!, $1) } }

public func fuzzTBX(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let glossary = try? TBXReader.read(text: text, fileName: "fuzz.tbx") else { return 0 }
    FuzzGlossary.exercise(glossary)
    for dialect in [TBXWriter.Dialect.tbx2019, .tbx2008] {
        var written: [UInt8] = []
        guard (try? TBXWriter.write(glossary, dialect: dialect, sink: { written += $0 })) != nil else { continue }
        if (try? TBXReader.read(text: String(decoding: written, as: UTF8.self), fileName: "again.tbx")) == nil {
            fatalError("Concord could not read back its own TBX (\(dialect))")
        }
    }
    return 0
}

/// What every glossary reader's result goes through.
enum FuzzGlossary {
    static func exercise(_ glossary: Glossary) {
        _ = try? GlossaryValidation.validate(glossary, file: "fuzz")
        for language in glossary.languages.prefix(4) {
            guard let recognizer = try? TermRecognizer(glossaries: [glossary], language: language) else { continue }
            for concept in glossary.concepts.prefix(20) {
                for term in concept.terms where term.language == language { _ = try? recognizer.hits(in: "x \(term.text) y") }
            }
        }
    }
}
