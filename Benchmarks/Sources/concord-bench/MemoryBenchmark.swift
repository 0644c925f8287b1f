import Foundation

/// Issue 6's figures: a 1M-unit en→ru memory imported into a store, looked up
/// with 1,000 near-copy queries and 1,000 unseen sentences (top 5, minimum 50),
/// against the rapidfuzz token-Levenshtein brute force (`fuzzy_peers.py --engines
/// rf-tok`) on the same memory and queries, in the same run.
enum MemoryBenchmark {
    static func run(concord: String, data: URL, units: Int, peerQueries: Int) throws {
        let tmx = data.appendingPathComponent("fuzzy-\(units).tmx")
        let nearCopies = data.appendingPathComponent("fuzzy-\(units).queries.txt")
        let unseen = data.appendingPathComponent("fuzzy-\(units).unseen.txt")
        try ensureData(units: units, tmx: tmx, queries: nearCopies, unseen: unseen)
        let size = (try? FileManager.default.attributesOfItem(atPath: tmx.path)[.size] as? Int) ?? 0
        print("Memory benchmark: \(tmx.lastPathComponent), \(units) units en/ru, \(size / 1_000_000) MB; top 5, minimum 50")

        // xmllint just before and just after the import: the better of the two is the floor.
        let before = try ProcessRunner.best(2, ["xmllint", "--stream", "--noout", tmx.path])
        let store = data.appendingPathComponent("fuzzy-\(units).db").path
        for suffix in ["", "-wal", "-shm", ".index"] { try? FileManager.default.removeItem(atPath: store + suffix) }
        let imported = try ProcessRunner.measure([concord, "tm", "import", tmx.path, "--db", store])
        guard imported.status == 0 else { throw BenchError.failed("concord tm import", imported.status) }
        let after = try ProcessRunner.measure(["xmllint", "--stream", "--noout", tmx.path])
        let floor = after.seconds < before.seconds ? after : before
        print("  xmllint --stream --noout        \(floor.description)")
        print("  concord tm import               \(imported.description)")
        print(String(format: "  ratio import / xmllint:         %.1f  (target ≤ 10)", imported.seconds / floor.seconds))
        try opening(concord: concord, store: store, data: data, firstQuery: nearCopies, imported: imported)

        for (name, queries, medianTarget, p99Target) in [("near-copy queries", nearCopies, 2.0, 20.0), ("unseen queries", unseen, 5.0, 50.0)] {
            let output = data.appendingPathComponent("lookup.jsonl").path
            let lookup = try ProcessRunner.measure([concord, "tm", "lookup", "--queries", queries.path, "--db", store,
                                                    "--from", "en", "--to", "ru", "--min", "50", "--limit", "5", "--json", "--presegmented"], output: output)
            guard lookup.status == 0 else { throw BenchError.failed("concord tm lookup", lookup.status) }
            let micros = try lookupMicros(output)
            let ours = Summary(milliseconds: micros.map { Double($0) / 1000 })
            let loading = lookup.seconds - micros.reduce(0) { $0 + Double($1) } / 1_000_000
            print("  \(name) (\(micros.count)):")
            print(String(format: "    concord: median %.2f ms (target ≤ %.0f), p99 %.2f ms (target ≤ %.0f), mean %.2f ms; "
                         + "store opened and indexed in %.1f s, %.0f MB peak (target ≤ 2048)",
                         ours.median, medianTarget, ours.p99, p99Target, ours.mean, loading, Double(lookup.peakKilobytes) / 1024))
            try? FileManager.default.removeItem(atPath: output)

            // The peer on an even sample of `peerQueries` queries (a brute force takes a quarter of a
            // second each); concord's own times for the same queries are compared with it.
            guard peerQueries > 0 else { continue }
            let lines = try String(contentsOf: queries, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
                .prefix(micros.count)
            let step = max(1, lines.count / peerQueries)
            let sample = Array(stride(from: 0, to: lines.count, by: step).prefix(peerQueries))
            let sampleFile = data.appendingPathComponent("peer-queries.txt")
            try sample.map { String(lines[$0]) }.joined(separator: "\n").write(to: sampleFile, atomically: true, encoding: .utf8)
            let peer = try rapidfuzz(tmx: tmx, queries: sampleFile, count: sample.count, data: data)
            try? FileManager.default.removeItem(at: sampleFile)
            let same = Summary(milliseconds: sample.map { Double(micros[$0]) / 1000 })
            print(String(format: "    rf-tok brute force (%d queries, every %dth): median %.1f ms, mean %.1f ms; concord on the same: median %.2f ms, mean %.2f ms",
                         sample.count, step, peer.median, peer.mean, same.median, same.mean))
            print(String(format: "    speed-up over rf-tok: %.0f× by median, %.0f× by mean  (target ≥ 100×)",
                         peer.median / same.median, peer.mean / same.mean))
        }
        for suffix in ["", "-wal", "-shm", ".index"] { try? FileManager.default.removeItem(atPath: store + suffix) }
    }

    /// Issue 16's figures: the store opened with its index file mapped, against the index built
    /// from the store's token rows (what every start did before); `concord prepare` of the
    /// example release against the store, against the 4,000-unit UN memory file.
    private static func opening(concord: String, store: String, data: URL, firstQuery: URL, imported: Measurement) throws {
        let query = String(try String(contentsOf: firstQuery, encoding: .utf8).split(separator: "\n").first ?? "Hello")
        let reindex = try ProcessRunner.measure([concord, "tm", "reindex", "--db", store, "--from", "en", "--to", "ru"])
        guard reindex.status == 0 else { throw BenchError.failed("concord tm reindex", reindex.status) }
        let index = store + ".index"
        let size = ((try? FileManager.default.attributesOfItem(atPath: index + "/en_ru.cidx")[.size]) as? Int) ?? 0
        print("  concord tm reindex en → ru      \(reindex.description), index file \(size / 1_000_000) MB")
        print(String(format: "  import without its indexing:    about %.1f s; indexing adds %.0f %% (target ≤ 10 %%)",
                     imported.seconds - reindex.seconds, 100 * reindex.seconds / max(0.01, imported.seconds - reindex.seconds)))
        let lookup = [concord, "tm", "lookup", query, "--db", store, "--from", "en", "--to", "ru"]
        let mapped = try ProcessRunner.best(3, lookup, output: "/dev/null")
        // Without the file the index is built from the token rows, as at every start before (and saved again).
        try? FileManager.default.removeItem(atPath: index)
        let built = try ProcessRunner.measure(lookup, output: "/dev/null")
        print("  open the store + first lookup, index file mapped:  \(mapped.description)  (target ≤ 0.3 s, ≤ 300 MB)")
        print("  open the store + first lookup, index built:        \(built.description)")
        print(String(format: "  speed-up of the mapped index:   %.0f×", built.seconds / mapped.seconds))

        let package = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).deletingLastPathComponent()
        let release = package.appendingPathComponent("Examples/2019-04-24-moscow-conference.en.txt").path
        let unMemory = package.appendingPathComponent("TMX/un-testset.en-ru-zh.tmx").path
        let out = data.appendingPathComponent("prepared").path
        let againstStore = try ProcessRunner.best(3, [concord, "prepare", release, "--from", "en", "--to", "ru", "--db", store, "-o", out + "-db"],
                                                  output: "/dev/null")
        let againstFile = try ProcessRunner.best(3, [concord, "prepare", release, "--from", "en", "--to", "ru", "--tm", unMemory, "-o", out + "-tm"],
                                                 output: "/dev/null")
        for suffix in ["-db", "-tm"] { try? FileManager.default.removeItem(atPath: out + suffix) }
        print("  concord prepare (example release) against the 1M-unit store:  \(againstStore.description)  (target ≤ 1.5 s)")
        print("  concord prepare against the 4,000-unit UN memory file:        \(againstFile.description)")
        print(String(format: "  ratio store / file:             %.1f  (target ≤ 3)", againstStore.seconds / againstFile.seconds))
    }

    struct Summary {
        var median: Double
        var p99: Double
        var mean: Double

        init(milliseconds: [Double]) {
            let sorted = milliseconds.sorted()
            median = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
            p99 = sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.99).rounded(.up)) - 1)]
            mean = sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count)
        }
    }

    private static func lookupMicros(_ path: String) throws -> [Int] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let micros = object["micros"] as? Int else {
                throw BenchError.missing("a lookup line without micros: \(line.prefix(80))")
            }
            return micros
        }
    }

    private static func rapidfuzz(tmx: URL, queries: URL, count: Int, data: URL) throws -> Summary {
        let script = BenchData.sharedBench.appendingPathComponent("fuzzy_peers.py").path
        let results = data.appendingPathComponent("peer.jsonl").path
        let summary = data.appendingPathComponent("peer-summary.json").path
        let run = try ProcessRunner.measure(["python3", script, "--tmx", tmx.path, "--src", "en", "--tgt", "ru", "--queries", queries.path,
                                             "--engines", "rf-tok", "--k", "5", "--min", "50", "--nq", String(count),
                                             "--out", results, "--summary", summary], errors: "/dev/null")
        guard run.status == 0 else { throw BenchError.failed("fuzzy_peers.py (needs pip install rapidfuzz lxml)", run.status) }
        let lines = try String(contentsOfFile: results, encoding: .utf8).split(separator: "\n")
        let milliseconds = try lines.compactMap { line -> Double? in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["ms"] as? Double
        }
        try? FileManager.default.removeItem(atPath: results)
        try? FileManager.default.removeItem(atPath: summary)
        return Summary(milliseconds: milliseconds)
    }

    private static func ensureData(units: Int, tmx: URL, queries: URL, unseen: URL) throws {
        if FileManager.default.fileExists(atPath: tmx.path) && FileManager.default.fileExists(atPath: unseen.path) { return }
        let script = BenchData.sharedBench.appendingPathComponent("make_big_tm.py").path
        guard FileManager.default.fileExists(atPath: script) else { throw BenchError.missing("\(script) not found: the shared bench folder must sit beside the project") }
        print("generating \(tmx.lastPathComponent) with make_big_tm.py ...")
        let run = try ProcessRunner.measure(["python3", script, "--n", String(units), "--langs", "en,ru", "--nq", "1000", "--unseen", "1000",
                                             "--unseen-queries", unseen.path, "--out", tmx.path, "--queries", queries.path])
        if run.status != 0 { throw BenchError.failed("make_big_tm.py", run.status) }
    }
}
