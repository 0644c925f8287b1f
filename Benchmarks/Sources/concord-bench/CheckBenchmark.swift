import Foundation

/// Issue 17's figures: `concord check` over a big en→ru TMX in streaming fashion against
/// `xmllint --stream --noout` (the libxml2 floor; target ≤ 20×, memory < 1 GB), and against
/// translate-toolkit's `pofilter` (numbers, unchanged, untranslated, acronyms) on the same file,
/// with concord's matching checks (number-mismatch, untranslated) measured beside it.
enum CheckBenchmark {
    static func run(concord: String, data: URL, units: Int, repeats: Int) throws {
        let tmx = data.appendingPathComponent("fuzzy-\(units).tmx")
        try BenchData.ensureTM(units: units, at: tmx)
        let size = (try? FileManager.default.attributesOfItem(atPath: tmx.path)[.size] as? Int) ?? 0
        print("Check benchmark: \(tmx.lastPathComponent), \(units) units en/ru, \(size / 1_000_000) MB, best of \(repeats) interleaved rounds")

        let report = data.appendingPathComponent("check-report.json").path
        let check = [concord, "check", tmx.path, "--from", "en", "--to", "ru", "--format", "json", "-o", report]
        let subset = check + ["--checks", "number-mismatch,untranslated"]
        var commands = [["xmllint", "--stream", "--noout", tmx.path], check, subset]
        let pofilter = findPofilter()
        let peerOutput = data.appendingPathComponent("pofilter-out.tmx").path
        if let pofilter {
            commands.append([pofilter, "--progress=none", "-t", "numbers", "-t", "unchanged", "-t", "untranslated", "-t", "acronyms", tmx.path, "-o", peerOutput])
        }
        // concord check exits 1 when it finds errors: that is its answer, not a failure here.
        let measured = try bestInterleaved(repeats, commands, allowed: [0, 1])
        try? FileManager.default.removeItem(atPath: report)
        try? FileManager.default.removeItem(atPath: peerOutput)

        let (floor, all, matching) = (measured[0], measured[1], measured[2])
        print("  xmllint --stream --noout                        \(floor.description)")
        print("  concord check (every check, JSON report)        \(all.description)")
        print("  concord check --checks number-mismatch,untranslated  \(matching.description)")
        print(String(format: "  ratio check / xmllint:  %.1f  (target ≤ 20, memory target < 1024 MB)", all.seconds / floor.seconds))
        if pofilter != nil {
            let peer = measured[3]
            print("  pofilter -t numbers,unchanged,untranslated,acronyms  \(peer.description)")
            print(String(format: "  ratio concord (same checks) / pofilter: %.2f; concord (every check) / pofilter: %.2f",
                         matching.seconds / peer.seconds, all.seconds / peer.seconds))
        } else {
            print("  pofilter not found (pip install translate-toolkit): no peer figure")
        }
    }

    private static func findPofilter() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/pofilter") { return "\(folder)/pofilter" }
        return nil
    }

    private static func bestInterleaved(_ repeats: Int, _ commands: [[String]], allowed: Set<Int32>) throws -> [Measurement] {
        var best = [Measurement?](repeating: nil, count: commands.count)
        for _ in 0..<repeats {
            for (index, arguments) in commands.enumerated() {
                let run = try ProcessRunner.measure(arguments, errors: "/dev/null")
                if !allowed.contains(run.status) { throw BenchError.failed(arguments.joined(separator: " "), run.status) }
                if best[index] == nil || run.seconds < best[index]!.seconds { best[index] = run }
            }
        }
        return best.map { $0! }
    }
}
