import Foundation

/// An earlier concord binary against the current one on the work of the four benchmarks
/// (tmx stats and convert, segment, terms with a big glossary, store import and lookups),
/// the two taking turns, best of `repeats`, and new/old per command (target ≤ 1.10):
/// a refactoring must not cost speed.
enum CompareBenchmark {
    static func run(concord: String, baseline: String, data: URL, units: Int, repeats: Int) throws {
        let tmx = data.appendingPathComponent("tm-\(units).tmx")
        try BenchData.ensureTM(units: units, at: tmx)
        let queries = data.appendingPathComponent("tm-\(units).queries.txt")
        let text = try BenchData.unText(megabytes: 5, in: data)
        let glossary = try glossaryFile(data: data)
        print("Compare: \(baseline) (old) against \(concord) (new); \(units)-unit TMX, best of \(repeats), turns taken")
        let converted = data.appendingPathComponent("compare-out.tmx").path
        let stores = [data.appendingPathComponent("compare-old.db").path, data.appendingPathComponent("compare-new.db").path]
        func freshStores() {
            for store in stores { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store + suffix) } }
        }
        defer { freshStores(); try? FileManager.default.removeItem(atPath: converted) }

        let work: [(name: String, arguments: (String, String) -> [String])] = [
            ("tmx stats", { binary, _ in [binary, "tmx", "stats", tmx.path] }),
            ("tmx convert", { binary, _ in [binary, "tmx", "convert", tmx.path, "-o", converted] }),
            ("segment", { binary, _ in [binary, "segment", text.path, "--lang", "en"] }),
            ("terms", { binary, _ in [binary, "terms", text.path, "--glossary", glossary.path, "--from", "en", "--to", "ru", "--presegmented"] }),
            ("tm import", { binary, store in [binary, "tm", "import", tmx.path, "--db", store] }),
            ("tm lookup", { binary, store in [binary, "tm", "lookup", "--queries", queries.path, "--db", store, "--from", "en", "--to", "ru",
                                              "--presegmented", "--json"] }),
        ]
        var worst = 0.0
        for (name, arguments) in work {
            if name == "tm import" { freshStores() }
            var best: [Measurement?] = [nil, nil]
            for round in 0..<repeats {
                for (side, binary) in [baseline, concord].enumerated() {
                    // An import is measured into an empty store each round.
                    if name == "tm import", round > 0 {
                        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: stores[side] + suffix) }
                    }
                    let run = try ProcessRunner.measure(arguments(binary, stores[side]))
                    if run.status != 0 { throw BenchError.failed(arguments(binary, stores[side]).joined(separator: " "), run.status) }
                    if best[side] == nil || run.seconds < best[side]!.seconds { best[side] = run }
                }
            }
            let ratio = best[1]!.seconds / best[0]!.seconds
            worst = max(worst, ratio)
            print("  " + name.padding(toLength: 12, withPad: " ", startingAt: 0) + "old \(best[0]!.description)   new \(best[1]!.description)   " + String(format: "new/old %.2f", ratio))
        }
        print(String(format: "  worst new/old: %.2f  (target ≤ 1.10)", worst))
    }

    private static func glossaryFile(data: URL) throws -> URL {
        let csv = data.appendingPathComponent("glossary-20000.csv")
        if !FileManager.default.fileExists(atPath: csv.path) {
            let script = BenchData.sharedBench.appendingPathComponent("make_big_glossary.py").path
            let made = try ProcessRunner.measure(["python3", script, "--n", "20000", "--out", csv.path])
            if made.status != 0 { throw BenchError.failed("make_big_glossary.py", made.status) }
        }
        return csv
    }
}
