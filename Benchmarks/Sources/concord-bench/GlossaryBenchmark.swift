import Foundation

/// Issue 5's figures: loading a 100,000-concept glossary against Python's csv
/// module plus PyStemmer on the same CSV, and recognition speed over 5 MB of UN text.
enum GlossaryBenchmark {
    static func run(concord: String, data: URL, concepts: Int, repeats: Int) throws {
        let csv = data.appendingPathComponent("glossary-\(concepts).csv")
        if !FileManager.default.fileExists(atPath: csv.path) {
            let script = BenchData.sharedBench.appendingPathComponent("make_big_glossary.py").path
            let made = try ProcessRunner.measure(["python3", script, "--n", String(concepts), "--out", csv.path])
            if made.status != 0 { throw BenchError.failed("make_big_glossary.py", made.status) }
        }
        let text = try BenchData.unText(megabytes: 5, in: data)
        let empty = data.appendingPathComponent("empty.txt")
        _ = FileManager.default.createFile(atPath: empty.path, contents: Data())
        let peerScript = data.appendingPathComponent("load_glossary.py")
        try """
        import csv, sys, Stemmer
        en = Stemmer.Stemmer('english'); ru = Stemmer.Stemmer('russian')
        with open(sys.argv[1], encoding='utf-8', newline='') as f:
            rows = csv.reader(f); next(rows)
            terms = [(en.stemWords(r[1].lower().split()), ru.stemWords(r[2].lower().split())) for r in rows]
        print(len(terms))
        """.write(to: peerScript, atomically: true, encoding: .utf8)

        print("Glossary benchmark: \(concepts) concepts, 5 MB of UN English, best of \(repeats)")
        let peer = try ProcessRunner.best(repeats, ["python3", peerScript.path, csv.path])
        // Loading = reading the glossary and building the recogniser's index (no text).
        let load = try ProcessRunner.best(repeats, [concord, "terms", empty.path, "--glossary", csv.path, "--from", "en", "--to", "ru", "--presegmented"])
        let full = try ProcessRunner.best(repeats, [concord, "terms", text.path, "--glossary", csv.path, "--from", "en", "--to", "ru", "--presegmented"])
        let megabytes = Double((try? FileManager.default.attributesOfItem(atPath: text.path)[.size] as? Int) ?? 0) / 1_000_000
        print("  python csv + PyStemmer     \(peer.description)")
        print("  concord load + index       \(load.description)")
        print("  concord terms over 5 MB    \(full.description)")
        print(String(format: "  ratio load / python: %.2f  (target ≤ 2.0)", load.seconds / peer.seconds))
        print(String(format: "  recognition: %.1f MB/s on one core (target ≥ 2)", megabytes / max(0.001, full.seconds - load.seconds)))
    }
}
