import ConcordModel

/// One source segment of a memory with one of its translations.
public struct MemoryEntry: Sendable {
    /// Where it comes from (the memory's file name or store).
    public var origin: String
    /// A stable id for ordering ties: the entry's position in the memory.
    public var id: Int
    public var unit: TranslationUnit
    public var source: Variant
    public var target: Variant
    /// Subtracted from every score of this memory (OmegaT's and Trados' memory penalty).
    public var penalty: Int

    public init(origin: String, id: Int, unit: TranslationUnit, source: Variant, target: Variant, penalty: Int = 0) {
        self.origin = origin
        self.id = id
        self.unit = unit
        self.source = source
        self.target = target
        self.penalty = penalty
    }
}
