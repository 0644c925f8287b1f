import ConcordChecks
import ConcordFormats
import Foundation

/// Findings an editor has reviewed and wants kept quiet: one fingerprint a line, each with a
/// comment saying what it was, so that the file can be read and pruned by hand.
public struct IgnoreList: Sendable, Equatable {
    public private(set) var fingerprints: Set<String> = []
    private var lines: [String] = []

    public init() {}

    public static func read(_ input: InputLocation) throws -> IgnoreList {
        var list = IgnoreList()
        guard (try? input.requireExisting()) != nil else { return list }     // a first run makes it
        let text = String(decoding: try TextFileBytes.read(input), as: UTF8.self)
        for line in text.split(separator: "\n") {
            list.lines.append(String(line))
            if let first = line.split(separator: " ").first, !line.hasPrefix("#") { list.fingerprints.insert(String(first)) }
        }
        return list
    }

    /// The list with `findings` added (each once).
    public func adding(_ findings: [CheckFinding]) -> IgnoreList {
        var list = self
        for finding in findings { list.add(finding) }
        return list
    }

    /// Adds `finding` unless it is there already.
    public mutating func add(_ finding: CheckFinding) {
        guard !fingerprints.contains(finding.fingerprint) else { return }
        fingerprints.insert(finding.fingerprint)
        lines.append("\(finding.fingerprint) \(finding.check.rawValue) \(finding.tuid): \(finding.source.prefix(60))")
    }

    public var text: String { (lines.isEmpty ? "" : lines.joined(separator: "\n")) + "\n" }
}
