/// Where each entry of one memory comes from, in flat arrays (built in memory or mapped
/// from an index file): the unit (its position in a file, or its id in a store), its
/// latest date, and the source and target variants (their ordinals in the unit).
struct EntryTable: Sendable {
    var units = FlatArray<Int64>()
    var dates = FlatArray<Int64>()
    /// Source ordinal in the high 16 bits, target ordinal in the low 16.
    var variants = FlatArray<UInt32>()

    var count: Int { units.count }

    func source(_ entry: Int) -> Int { Int(variants[entry] >> 16) }
    func target(_ entry: Int) -> Int { Int(variants[entry] & 0xFFFF) }

    /// An entry table as it is filled.
    struct Builder {
        private var units: [Int64] = []
        private var dates: [Int64] = []
        private var variants: [UInt32] = []

        mutating func append(unit: Int64, date: Int64, source: Int, target: Int) {
            units.append(unit)
            dates.append(date)
            variants.append(UInt32(source) << 16 | UInt32(target))
        }

        func build() -> EntryTable {
            EntryTable(units: FlatArray(units), dates: FlatArray(dates), variants: FlatArray(variants))
        }
    }
}
