import Foundation

/// Issue 4's figure: `concord segment` over the UN test set repeated to ~50 MB,
/// against ../shared/bench/icu_floor.c (bare ICU sentence iteration in C), same file, same run.
enum SegmentationBenchmark {
    static func run(concord: String, data: URL, megabytes: Int, repeats: Int) throws {
        let text = try BenchData.unText(megabytes: megabytes, in: data)
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
