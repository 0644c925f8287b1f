import Foundation

/// Issue 4's figure: `concord segment` over the UN test set repeated to ~50 MB,
/// against ../shared/bench/icu_floor.c (bare ICU sentence iteration in C), same file, same run.
enum SegmentationBenchmark {
    static func run(concord: String, data: URL, megabytes: Int, repeats: Int) throws {
        let text = data.appendingPathComponent("un-\(megabytes)mb.en.txt")
        if !FileManager.default.fileExists(atPath: text.path) {
            let source = BenchData.sharedBench.deletingLastPathComponent().appendingPathComponent("data/parallel/un_v1.0_testsets/testset/UNv1.0.testset.en")
            guard let base = FileManager.default.contents(atPath: source.path) else { throw BenchError.missing("\(source.path) not found") }
            var body = Data()
            while body.count < megabytes * 1_000_000 { body.append(base) }
            try body.write(to: text)
        }
        let floorBinary = data.appendingPathComponent("icu_floor").path
        if !FileManager.default.isExecutableFile(atPath: floorBinary) {
            let source = BenchData.sharedBench.appendingPathComponent("icu_floor.c").path
            let build = try ProcessRunner.measure(["sh", "-c", "cc -O2 -o '\(floorBinary)' '\(source)' $(pkg-config --cflags --libs icu-uc icu-i18n)"])
            if build.status != 0 { throw BenchError.failed("cc icu_floor.c", build.status) }
        }
        print("Segmentation benchmark: \(text.lastPathComponent), best of \(repeats)")
        let floor = try ProcessRunner.best(repeats, [floorBinary, text.path, "en"])
        let concordRun = try ProcessRunner.best(repeats, [concord, "segment", text.path, "--lang", "en"])
        print("  icu_floor (bare ICU)   \(floor.description)")
        print("  concord segment        \(concordRun.description)")
        print(String(format: "  ratio segment / icu_floor: %.2f  (target ≤ 3.0)", concordRun.seconds / floor.seconds))
    }
}
