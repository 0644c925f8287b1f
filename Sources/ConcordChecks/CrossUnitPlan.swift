/// Which units the cross-unit checks concern, worked out once all units have been seen: the
/// groups of inconsistent sources and targets and the term variants, by position.
struct CrossUnitPlan {
    private let sourceGroups: [[Int]]
    private let targetGroups: [[Int]]
    private var sourceGroupOf: [Int: Int] = [:]
    private var targetGroupOf: [Int: Int] = [:]
    private var variantsAt: [Int: [ConsistencyIndex.Variant]] = [:]

    init(index: ConsistencyIndex, enabled: Set<CheckName>) {
        sourceGroups = enabled.contains(.inconsistentSource) ? index.inconsistentSources() : []
        targetGroups = enabled.contains(.inconsistentTarget) ? index.inconsistentTargets() : []
        for (number, group) in sourceGroups.enumerated() { for position in group { sourceGroupOf[position] = number } }
        for (number, group) in targetGroups.enumerated() { for position in group { targetGroupOf[position] = number } }
        if enabled.contains(.termVariant) { for variant in index.termVariants() { variantsAt[variant.position, default: []].append(variant) } }
    }

    var positions: Set<Int> { Set(sourceGroupOf.keys).union(targetGroupOf.keys).union(variantsAt.keys) }

    func sourceGroup(of position: Int) -> [Int]? { sourceGroupOf[position].map { sourceGroups[$0] } }
    func targetGroup(of position: Int) -> [Int]? { targetGroupOf[position].map { targetGroups[$0] } }
    func variants(at position: Int) -> [ConsistencyIndex.Variant] { variantsAt[position] ?? [] }
}
