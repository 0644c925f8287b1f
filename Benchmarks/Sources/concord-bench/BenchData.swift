import Foundation

/// Benchmark inputs, made with the shared generators in ../shared/bench and kept in Benchmarks/data.
enum BenchData {
    static var sharedBench: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/bench")
    }

    /// ../shared/data: the gold sets and corpora.
    static var sharedData: URL { sharedBench.deletingLastPathComponent().appendingPathComponent("data") }

    /// The UN test set's English repeated to `megabytes` (at least), made once.
    static func unText(megabytes: Int, in data: URL) throws -> URL {
        let text = data.appendingPathComponent("un-\(megabytes)mb.en.txt")
        if FileManager.default.fileExists(atPath: text.path) { return text }
        let source = sharedBench.deletingLastPathComponent().appendingPathComponent("data/parallel/un_v1.0_testsets/testset/UNv1.0.testset.en")
        guard let base = FileManager.default.contents(atPath: source.path) else { throw BenchError.missing("\(source.path) not found") }
        var body = Data()
        while body.count < megabytes * 1_000_000 { body.append(base) }
        try body.write(to: text)
        return text
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
