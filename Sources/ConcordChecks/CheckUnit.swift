import ConcordModel

/// One translation to check: its id (the `tuid`, or its 1-based position when it has none),
/// source and target with their inline codes, and the checks a note on it switches off.
public struct CheckUnit: Sendable, Equatable {
    public var id: String
    public var source: TaggedText
    public var target: TaggedText
    /// Checks suppressed on this unit (TMX `<prop type="x-concord-ignore">`, XLIFF `<note>concord-ignore: …</note>`).
    public var ignored: Set<CheckName>

    public init(id: String, source: TaggedText, target: TaggedText, ignored: Set<CheckName> = []) {
        self.id = id
        self.source = source
        self.target = target
        self.ignored = ignored
    }

    public init(id: String, source: String, target: String, ignored: Set<CheckName> = []) {
        self.init(id: id, source: TaggedText(runs: source.isEmpty ? [] : [.text(source)]),
                  target: TaggedText(runs: target.isEmpty ? [] : [.text(target)]), ignored: ignored)
    }

    /// The check names in a suppression note: `missing-term, punctuation` (unknown words ignored).
    public static func ignoredChecks(in note: String) -> Set<CheckName> {
        Set(note.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }).compactMap { CheckName(rawValue: String($0)) })
    }
}
