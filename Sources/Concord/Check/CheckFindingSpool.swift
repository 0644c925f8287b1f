import ConcordChecks
import ConcordFormats
import Foundation

/// The findings of a run kept on disk as they come — one file of JSON lines per check, in a
/// temporary folder removed at the end — so that a million units' half a million findings
/// never sit in memory; read back check by check, each in the order of the units.
public final class CheckFindingSpool {
    private let folder: URL
    private var buffers: [CheckName: [UInt8]] = [:]
    private var handles: [CheckName: FileHandle] = [:]
    public private(set) var summary: CheckResult.Summary

    init(units: Int = 0) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("concord-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        summary = CheckResult.Summary(units: units, findings: 0, errors: 0, warnings: 0, checks: [:])
    }

    deinit {
        for handle in handles.values { try? handle.close() }
        try? FileManager.default.removeItem(at: folder)
    }

    func setUnits(_ count: Int) { summary.units = count }

    func append(_ finding: CheckFinding) throws {
        buffers[finding.check, default: []] += try ConcordJSON.encode(finding)
        buffers[finding.check]!.append(0x0A)
        summary.findings += 1
        if finding.severity == .error { summary.errors += 1 } else if finding.severity == .warning { summary.warnings += 1 }
        summary.checks[finding.check.rawValue, default: 0] += 1
        if buffers[finding.check]!.count > 1 << 20 { try flush(finding.check) }
    }

    private func file(_ check: CheckName) -> URL { folder.appendingPathComponent(check.rawValue + ".jsonl") }

    private func flush(_ check: CheckName) throws {
        guard let bytes = buffers[check], !bytes.isEmpty else { return }
        if handles[check] == nil {
            guard FileManager.default.createFile(atPath: file(check).path, contents: nil) else {
                throw WorkflowError.usage("cannot write the findings to \(folder.path): is the temporary folder full?")
            }
            handles[check] = try FileHandle(forWritingTo: file(check))
        }
        try handles[check]!.write(contentsOf: bytes)
        buffers[check] = []
    }

    /// The checks that found something, in name order.
    public var checks: [CheckName] { summary.checks.keys.compactMap(CheckName.init(rawValue:)).sorted() }

    /// Each finding of `check` as its JSON line (without the newline), in unit order.
    public func forEachLine(of check: CheckName, _ body: (ArraySlice<UInt8>) throws -> Void) throws {
        try flush(check)
        guard let handle = handles[check] else { return }
        try handle.synchronize()
        let reader = try FileHandle(forReadingFrom: file(check))
        defer { try? reader.close() }
        var pending: [UInt8] = []
        while let chunk = try reader.read(upToCount: 1 << 20), !chunk.isEmpty {
            pending += chunk
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                try body(pending[start..<newline])
                start = newline + 1
            }
            pending.removeSubrange(..<start)
        }
    }

    /// Each finding of `check`, in unit order.
    public func forEach(of check: CheckName, _ body: (CheckFinding) throws -> Void) throws {
        let decoder = JSONDecoder()
        try forEachLine(of: check) { line in try body(try decoder.decode(CheckFinding.self, from: Data(line))) }
    }

    /// Every finding, check by check.
    public func forEach(_ body: (CheckFinding) throws -> Void) throws {
        for check in checks { try forEach(of: check, body) }
    }
}
