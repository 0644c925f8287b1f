import Foundation

/// Issue 3's figures: `concord tmx stats` and `concord tmx convert` on a big
/// TMX against `xmllint --stream --noout` (the libxml2 floor), same file, same run.
enum TMXBenchmark {
    static func run(concord: String, data: URL, units: Int, repeats: Int) throws {
        let tmx = data.appendingPathComponent("tm-\(units).tmx")
        try BenchData.ensureTM(units: units, at: tmx)
        let size = (try? FileManager.default.attributesOfItem(atPath: tmx.path)[.size] as? Int) ?? 0
        print("TMX benchmark: \(tmx.lastPathComponent), \(units) units, \(size / 1_000_000) MB, best of \(repeats) interleaved rounds")

        let output = data.appendingPathComponent("converted.tmx").path
        let measured = try ProcessRunner.bestInterleaved(repeats, [
            ["xmllint", "--stream", "--noout", tmx.path],
            [concord, "tmx", "stats", tmx.path],
            [concord, "tmx", "convert", tmx.path, "-o", output],
        ])
        let (floor, stats, convert) = (measured[0], measured[1], measured[2])
        try? FileManager.default.removeItem(atPath: output)

        print("  xmllint --stream --noout   \(floor.description)")
        print("  concord tmx stats          \(stats.description)")
        print("  concord tmx convert → TMX  \(convert.description)")
        print(String(format: "  ratio stats / xmllint:   %.2f  (target ≤ 1.5, memory target < 64 MB)", stats.seconds / floor.seconds))
        print(String(format: "  ratio convert / xmllint: %.2f  (target ≤ 3.0, memory target < 64 MB)", convert.seconds / floor.seconds))
    }
}
