import ConcordModel

/// What the cross-unit checks need to remember of each unit — hashes of its source and target
/// and the glossary terms its target uses — small enough for a million units; the units a
/// finding concerns are read again afterwards (``CheckSession/unitsToReread``).
struct ConsistencyIndex {
    private var sourceKeys: [UInt64] = []
    private var targetKeys: [UInt64] = []
    private var usages: [(group: UInt64, term: String, position: Int32, span: Range<Int>)] = []

    mutating func add(_ unit: CheckUnit, position: Int, usages found: [TermChecks.Usage]) {
        sourceKeys.append(Self.key(unit.source.plainText))
        let target = unit.target.plainText
        targetKeys.append(target.isEmpty ? 0 : Self.key(target))
        for usage in found {
            usages.append((Self.key(usage.concept + "\u{1}" + usage.type), usage.term, Int32(position), usage.span))
        }
    }

    func sourceKey(at position: Int) -> UInt64 { sourceKeys[position] }
    func targetKey(at position: Int) -> UInt64 { targetKeys[position] }

    /// A target term less used than another of its concept and kind: where it stands, and the
    /// positions that use the usual one.
    struct Variant {
        let position: Int
        let span: Range<Int>
        let usual: [Int]
        let usualTerm: String
    }

    /// Groups of positions sharing one side and differing on the other.
    func inconsistentSources() -> [[Int]] { groups(by: sourceKeys, differingIn: targetKeys) }
    func inconsistentTargets() -> [[Int]] { groups(by: targetKeys, differingIn: sourceKeys) }

    private func groups(by keys: [UInt64], differingIn others: [UInt64]) -> [[Int]] {
        var byKey: [UInt64: [Int]] = [:]
        for (position, key) in keys.enumerated() where key != 0 && targetKeys[position] != 0 { byKey[key, default: []].append(position) }
        return byKey.values.filter { group in group.count > 1 && Set(group.map { others[$0] }).count > 1 }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    /// For each concept rendered with several terms of one kind: the usages of the less used terms,
    /// each with the positions that use the most used one.
    func termVariants() -> [Variant] {
        var byGroup: [UInt64: [(term: String, position: Int32, span: Range<Int>)]] = [:]
        for usage in usages { byGroup[usage.group, default: []].append((usage.term, usage.position, usage.span)) }
        var result: [Variant] = []
        for uses in byGroup.values {
            var counts: [String: Int] = [:]
            for use in uses { counts[use.term, default: 0] += 1 }
            guard counts.count > 1, let usual = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else { continue }
            let usualPositions = Array(Set(uses.filter { $0.term == usual }.map { Int($0.position) })).sorted()
            for use in uses where use.term != usual { result.append(Variant(position: Int(use.position), span: use.span, usual: usualPositions, usualTerm: usual)) }
        }
        // In text order, whatever order the dictionary gave: the same report every run.
        return result.sorted { ($0.position, $0.span.lowerBound, $0.usualTerm) < ($1.position, $1.span.lowerBound, $1.usualTerm) }
    }

    /// Text compared as a reader sees it: runs of white space as one space, ends trimmed.
    static func key(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        var pendingSpace = false, started = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = started
                continue
            }
            if pendingSpace { hash = (hash ^ 0x20) &* 0x100000001b3 }
            pendingSpace = false
            started = true
            hash = (hash ^ UInt64(byte)) &* 0x100000001b3
        }
        return hash == 0 ? 1 : hash
    }
}
