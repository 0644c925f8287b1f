import ConcordModel

/// What a check found in a unit: which check (and its catalog id), how serious, where in the
/// source and target (scalar offsets, end exclusive), which other units it concerns, and what to do.
public struct CheckFinding: Codable, Sendable, Equatable {
    public var check: CheckName
    public var id: String
    public var severity: Diagnostic.Severity
    public var tuid: String
    public var source: String
    public var target: String
    public var sourceSpan: [Int]?
    public var targetSpan: [Int]?
    public var related: [String]
    public var message: String

    public init(_ kind: DiagnosticKind, check: CheckName, unit: CheckUnit, sourceSpan: Range<Int>? = nil, targetSpan: Range<Int>? = nil,
                related: [String] = [], message: String) {
        self.check = check
        id = kind.id
        severity = kind.severity
        tuid = unit.id
        source = unit.source.plainText
        target = unit.target.plainText
        self.sourceSpan = sourceSpan.map { [$0.lowerBound, $0.upperBound] }
        self.targetSpan = targetSpan.map { [$0.lowerBound, $0.upperBound] }
        self.related = related
        self.message = message
    }

    private enum CodingKeys: String, CodingKey {
        case check, id, severity, tuid, source, target, sourceSpan, targetSpan, related, message
    }

    /// Spans without a place are written as null, so that every finding has the same keys.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(check, forKey: .check)
        try container.encode(id, forKey: .id)
        try container.encode(severity, forKey: .severity)
        try container.encode(tuid, forKey: .tuid)
        try container.encode(source, forKey: .source)
        try container.encode(target, forKey: .target)
        if let sourceSpan { try container.encode(sourceSpan, forKey: .sourceSpan) } else { try container.encodeNil(forKey: .sourceSpan) }
        if let targetSpan { try container.encode(targetSpan, forKey: .targetSpan) } else { try container.encodeNil(forKey: .targetSpan) }
        try container.encode(related, forKey: .related)
        try container.encode(message, forKey: .message)
    }

    /// Stable across runs for the same unit text and finding: what an ignore list keeps.
    public var fingerprint: String {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in "\(check.rawValue)\u{1}\(source)\u{1}\(target)\u{1}\(sourceSpan ?? [])\u{1}\(targetSpan ?? [])".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100000001b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
