import Foundation

/// Issue 14's figures: `concord align` on bible-enzh (5,000 × 6,301 sentences), the whole
/// command, against `hunalign -onebyteencoding` with an empty dictionary on the same pair in
/// the same run (hunalign's input prepared as ../shared/reference/alignment.md says: lower-
/// cased, English split into words and punctuation, Chinese one token per character), and
/// the strict F1 of both from the gold set's own score.py.
enum AlignmentBenchmark {
    static func run(concord: String, data: URL, repeats: Int) throws {
        let hunalign = try hunalignBinary()
        let sets = BenchData.sharedData.appendingPathComponent("alignment")
        let pair = sets.appendingPathComponent("bible-enzh/gen001")
        let work = data.appendingPathComponent("align")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let (source, target) = (pair.appendingPathComponent("src.txt"), pair.appendingPathComponent("tgt.txt"))
        let tokenSource = work.appendingPathComponent("src.tok"), tokenTarget = work.appendingPathComponent("tgt.tok")
        try tokens(of: source, chinese: false).write(to: tokenSource, atomically: true, encoding: .utf8)
        try tokens(of: target, chinese: true).write(to: tokenTarget, atomically: true, encoding: .utf8)
        let dictionary = work.appendingPathComponent("null.dic")
        try Data().write(to: dictionary)

        print("Alignment benchmark: bible-enzh (5,000 × 6,301 sentences), best of \(repeats)")
        let hunalignOut = work.appendingPathComponent("hunalign.txt").path, concordOut = work.appendingPathComponent("concord.txt").path
        let hunalignArguments = [hunalign, "-onebyteencoding", dictionary.path, tokenSource.path, tokenTarget.path]
        let concordArguments = [concord, "align", source.path, target.path, "--from", "en", "--to", "zh", "--presegmented", "--format", "beads", "-o", concordOut]
        let times = try ProcessRunner.bestInterleaved(repeats, [hunalignArguments, concordArguments])
        _ = try ProcessRunner.measure(hunalignArguments, output: hunalignOut)
        let gold = pair.appendingPathComponent("gold.txt").path
        print("  hunalign -onebyteencoding   \(times[0].description)   strict \(try score(hunalignOut, gold: gold))")
        print("  concord align               \(times[1].description)   strict \(try score(concordOut, gold: gold))")
        print(String(format: "  ratio concord / hunalign: %.2f  (target ≤ 1.0)", times[1].seconds / times[0].seconds))
    }

    /// hunalign from ../shared/bench/hunalign, built with its own script when missing (about 30 s).
    static func hunalignBinary() throws -> String {
        let folder = BenchData.sharedBench.appendingPathComponent("hunalign")
        let binary = folder.appendingPathComponent("bin/hunalign").path
        if !FileManager.default.isExecutableFile(atPath: binary) {
            let build = try ProcessRunner.measure(["bash", folder.appendingPathComponent("build.sh").path])
            if build.status != 0 { throw BenchError.failed("hunalign/build.sh", build.status) }
        }
        return binary
    }

    /// One sentence a line, lower-cased; words and punctuation apart, or one Chinese character a token.
    static func tokens(of file: URL, chinese: Bool) throws -> String {
        let pattern = try NSRegularExpression(pattern: chinese ? "\\S" : "\\w+|[^\\w\\s]")
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { line in
            let text = String(line).lowercased()
            let matches = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
            return matches.map { String(text[Range($0.range, in: text)!]) }.joined(separator: " ")
        }.joined(separator: "\n")
    }

    /// The last line of score.py --coarsen: "F1 0.965 (P … R …)".
    static func score(_ output: String, gold: String) throws -> String {
        let script = BenchData.sharedData.appendingPathComponent("alignment/score.py").path
        let pipe = Pipe(), process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "--coarsen", "-g", gold, "-t", output]
        process.standardOutput = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.split(separator: "\n").last.map(String.init) ?? "(no score)"
    }
}
