import Foundation

/// Benchmark inputs, made with the shared generators in ../shared/bench and kept in Benchmarks/data.
enum BenchData {
    static var sharedBench: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/bench")
    }

    static func ensureTM(units: Int, at url: URL, langs: String = "en,ru") throws {
        if FileManager.default.fileExists(atPath: url.path) { return }
        let script = sharedBench.appendingPathComponent("make_big_tm.py").path
        guard FileManager.default.fileExists(atPath: script) else { throw BenchError.missing("\(script) not found: the shared bench folder must sit beside the project") }
        print("generating \(url.lastPathComponent) with make_big_tm.py ...")
        let queries = url.deletingPathExtension().path + ".queries.txt"
        let run = try ProcessRunner.measure(["python3", script, "--n", String(units), "--langs", langs, "--out", url.path, "--queries", queries, "--nq", "1000"])
        if run.status != 0 { throw BenchError.failed("make_big_tm.py", run.status) }
    }
}
