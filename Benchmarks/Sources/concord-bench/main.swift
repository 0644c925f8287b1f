import Foundation

/// concord-bench: measures Concord against its peers in the same run and prints ratios.
///
///   swift run -c release concord-bench tmx [--units 1000000] [--repeats 3]
///   swift run -c release concord-bench segment [--megabytes 50] [--repeats 3]
///   swift run -c release concord-bench glossary [--concepts 100000] [--repeats 3]   (needs pip install pystemmer)
///   swift run -c release concord-bench memory [--units 1000000] [--peer-queries 100]   (needs pip install rapidfuzz lxml)
///   swift run -c release concord-bench align [--repeats 3]   (builds ../shared/bench/hunalign when missing)
///   swift run -c release concord-bench check [--units 1000000] [--repeats 1]   (pofilter as a peer: pip install translate-toolkit)
///   swift run -c release concord-bench compare --baseline OLD_CONCORD [--units 200000] [--repeats 3]
///
/// The concord binary measured is ../.build/release/concord (build it first with
/// `swift build -c release` in the project root), or $CONCORD.
let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String, default value: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let number = Int(arguments[index + 1]) else { return value }
    return number
}

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let concord = ProcessInfo.processInfo.environment["CONCORD"] ?? root.deletingLastPathComponent().appendingPathComponent(".build/release/concord").path
let data = root.appendingPathComponent("data")
try? FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)

guard FileManager.default.isExecutableFile(atPath: concord) else {
    FileHandle.standardError.write(Data("no concord binary at \(concord): run `swift build -c release` in the project root first\n".utf8))
    exit(66)
}

do {
    switch arguments.first {
    case "glossary":
        try GlossaryBenchmark.run(concord: concord, data: data, concepts: option("--concepts", default: 100_000), repeats: option("--repeats", default: 3))
    case "segment":
        try SegmentationBenchmark.run(concord: concord, data: data, megabytes: option("--megabytes", default: 50), repeats: option("--repeats", default: 3))
    case "memory":
        try MemoryBenchmark.run(concord: concord, data: data, units: option("--units", default: 1_000_000),
                                peerQueries: option("--peer-queries", default: 100))
    case "compare":
        guard let index = arguments.firstIndex(of: "--baseline"), index + 1 < arguments.count else {
            print("usage: concord-bench compare --baseline PATH_TO_AN_EARLIER_CONCORD [--units N] [--repeats N]")
            exit(64)
        }
        try CompareBenchmark.run(concord: concord, baseline: arguments[index + 1], data: data,
                                 units: option("--units", default: 200_000), repeats: option("--repeats", default: 3))
    case "align":
        try AlignmentBenchmark.run(concord: concord, data: data, repeats: option("--repeats", default: 3))
    case "check":
        try CheckBenchmark.run(concord: concord, data: data, units: option("--units", default: 1_000_000), repeats: option("--repeats", default: 1))
    case "tmx":
        try TMXBenchmark.run(concord: concord, data: data, units: option("--units", default: 1_000_000), repeats: option("--repeats", default: 3))
    default:
        print("usage: concord-bench tmx [--units N] [--repeats N] | segment [--megabytes N] [--repeats N] | glossary [--concepts N] [--repeats N] | memory [--units N] [--peer-queries N] | align [--repeats N] | check [--units N] [--repeats N] | compare --baseline PATH [--units N] [--repeats N]")
        exit(arguments.isEmpty ? 0 : 64)
    }
} catch {
    FileHandle.standardError.write(Data("concord-bench: \(error)\n".utf8))
    exit(1)
}
