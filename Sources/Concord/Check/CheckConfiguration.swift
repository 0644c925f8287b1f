import ConcordChecks
import ConcordModel
import Foundation

/// Which checks run and at what severity: `--checks a,b`, `--skip c`, and a configuration file
/// `{"checks": {"punctuation": "off", "term-variant": "error"}}` as Xbench keeps its settings.
public struct CheckConfiguration: Codable, Sendable, Equatable {
    public var enabled: Set<CheckName>
    public var severities: [CheckName: Diagnostic.Severity]

    public init(enabled: Set<CheckName> = Set(CheckName.allCases), severities: [CheckName: Diagnostic.Severity] = [:]) {
        self.enabled = enabled
        self.severities = severities
    }

    /// Reads a configuration file; unknown check names and settings are errors with the file's name.
    public static func read(_ input: InputLocation, onto base: CheckConfiguration) throws -> CheckConfiguration {
        try input.requireExisting()
        let data = Data(try TextFileBytes.read(input))
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let checks = object["checks"] as? [String: Any] else {
            throw WorkflowError.usage("\(input.name): not a check configuration; write {\"checks\": {\"punctuation\": \"off\", \"term-variant\": \"error\"}}")
        }
        var configuration = base
        for (name, value) in checks {
            guard let check = CheckName(rawValue: name) else {
                throw WorkflowError.usage("\(input.name): '\(name)' is not a check; the checks are \(CheckName.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            switch value as? String {
            case "off": configuration.enabled.remove(check)
            case "on": configuration.enabled.insert(check)
            case "error": configuration.severities[check] = .error
            case "warning": configuration.severities[check] = .warning
            default: throw WorkflowError.usage("\(input.name): \(name): say \"off\", \"on\", \"error\" or \"warning\"")
            }
        }
        return configuration
    }

    func apply(to findings: [CheckFinding]) -> [CheckFinding] {
        findings.filter { enabled.contains($0.check) }.map { finding in
            var changed = finding
            if let severity = severities[finding.check] { changed.severity = severity }
            return changed
        }
    }
}
