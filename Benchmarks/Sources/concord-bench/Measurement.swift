import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Wall time and peak memory of one child process.
struct Measurement {
    let seconds: Double
    let peakKilobytes: Int
    let status: Int32

    var description: String { String(format: "%.2f s, %.0f MB peak", seconds, Double(peakKilobytes) / 1024) }
}

enum ProcessRunner {
    /// Runs `arguments` (stdout discarded unless `output` is given) and measures it with wait4.
    static func measure(_ arguments: [String], output: String? = nil, errors: String? = nil) throws -> Measurement {
        var pid: pid_t = 0
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if let errors { posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let start = Date()
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchError.cannotRun(arguments[0]) }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let seconds = Date().timeIntervalSince(start)
        return Measurement(seconds: seconds, peakKilobytes: usage.ru_maxrss, status: (status >> 8) & 0xFF)
    }

    /// The best of `repeats` rounds for each command, the commands taking turns within a round:
    /// a machine that slows down for a while then slows all of them, not just the one measured then.
    static func bestInterleaved(_ repeats: Int, _ commands: [[String]]) throws -> [Measurement] {
        var best = [Measurement?](repeating: nil, count: commands.count)
        for _ in 0..<repeats {
            for (index, arguments) in commands.enumerated() {
                let run = try measure(arguments)
                if run.status != 0 { throw BenchError.failed(arguments.joined(separator: " "), run.status) }
                if best[index] == nil || run.seconds < best[index]!.seconds { best[index] = run }
            }
        }
        return best.map { $0! }
    }

    /// The best of `repeats` runs (least disturbed by the machine's noise).
    static func best(_ repeats: Int, _ arguments: [String], output: String? = nil) throws -> Measurement {
        var best: Measurement?
        for _ in 0..<repeats {
            let run = try measure(arguments, output: output)
            if run.status != 0 { throw BenchError.failed(arguments.joined(separator: " "), run.status) }
            if best == nil || run.seconds < best!.seconds { best = run }
        }
        return best!
    }
}

enum BenchError: Error, CustomStringConvertible {
    case cannotRun(String)
    case failed(String, Int32)
    case missing(String)

    var description: String {
        switch self {
        case let .cannotRun(tool): return "cannot run \(tool) (is it installed?)"
        case let .failed(command, status): return "\(command) exited with \(status)"
        case let .missing(what): return what
        }
    }
}
