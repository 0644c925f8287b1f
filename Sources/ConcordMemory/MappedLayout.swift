/// The sections of a mapped index file as flat arrays, checked to fit together before a
/// search may read them (the checksums say the bytes are the ones written; these checks
/// keep a file that was written wrong from sending a search out of bounds).
struct MappedLayout {
    let file: MappedFile
    let header: StoreIndexFile.Header

    typealias Section = StoreIndexFile.Section

    func bytes(_ section: Section) -> UnsafeRawBufferPointer {
        let place = header.sections[section]!
        guard place.length > 0 else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(rebasing: file.bytes[place.offset..<place.offset + place.length])
    }

    /// The section as an array of `Element`s.
    func array<Element: BitwiseCopyable>(_ section: Section, of _: Element.Type = Element.self) throws(StoreIndexProblem) -> FlatArray<Element> {
        let place = header.sections[section]!
        guard place.length % MemoryLayout<Element>.stride == 0 else { throw .damaged(section: section.name) }
        return FlatArray(mapped: file, offset: place.offset, count: place.length / MemoryLayout<Element>.stride)
    }

    /// The index, vocabulary and entries the file holds.
    func content() throws(StoreIndexProblem) -> StoreIndexContent {
        let sequences = header.sequenceCount
        var tables = FuzzyTables()
        tables.tokens = try array(.tokens)
        tables.starts = try array(.starts)
        tables.byLengthOrder = try array(.lengthOrder)
        tables.firstOfLength = try array(.firstOfLength)
        tables.postingStarts = try array(.postingStarts)
        tables.postingItems = try array(.postingItems)
        tables.bitsets = try array(.bitsets)
        tables.bitsetWords = header.bitsetWords
        func require(_ condition: Bool, _ section: Section) throws(StoreIndexProblem) {
            if !condition { throw .damaged(section: section.name) }
        }
        try require(tables.starts.count == sequences + 1 && tables.starts[0] == 0 && tables.starts[sequences] == tables.tokens.count, .starts)
        try require(tables.byLengthOrder.count == sequences, .lengthOrder)
        try require(!tables.firstOfLength.isEmpty && tables.firstOfLength.last! == sequences, .firstOfLength)
        try require(tables.postingStarts.count == header.vocabularyCount + 1 && tables.postingStarts[0] == 0
                    && tables.postingStarts[header.vocabularyCount] == tables.postingItems.count, .postingStarts)
        try require(header.bitsetWords == (sequences + 63) / 64, .bitsets)
        tables.bitsetOfToken = try bitsetDirectory(setCount: header.bitsetWords == 0 ? 0 : tables.bitsets.count / header.bitsetWords)
        try require(tables.bitsets.count == (tables.bitsetOfToken.values.map(\.count).reduce(0, +)) * header.bitsetWords, .bitsets)

        let entries = EntryTable(units: try array(.entryUnits), dates: try array(.entryDates), variants: try array(.entryVariants))
        try require(entries.units.count == sequences, .entryUnits)
        try require(entries.dates.count == sequences, .entryDates)
        try require(entries.variants.count == sequences, .entryVariants)

        let slots: FlatArray<TokenKeyTable.Slot> = try array(.vocabularySlots)
        try require(slots.count.nonzeroBitCount == 1 && slots.count >= 2 * header.vocabularyCount, .vocabularySlots)
        let vocabulary = TokenVocabulary(frozen: TokenKeyTable.Frozen(slots: slots, arena: try array(.vocabularyArena),
                                                                       count: header.vocabularyCount))
        let tooMany: FlatArray<Int64> = try array(.tooManyVariants)
        return StoreIndexContent(index: FuzzyIndex(vocabulary: vocabulary, tables: tables), entries: entries,
                                 unitsWithTooManyVariants: Array(tooMany))
    }

    /// Frequent tokens and their bit sets: rows of id, level count and four set numbers.
    private func bitsetDirectory(setCount: Int) throws(StoreIndexProblem) -> [Int32: [Int]] {
        let rows: FlatArray<Int64> = try array(.bitsetDirectory)
        guard rows.count % 6 == 0 else { throw .damaged(section: Section.bitsetDirectory.name) }
        var directory: [Int32: [Int]] = [:]
        for row in stride(from: 0, to: rows.count, by: 6) {
            let id = rows[row], levels = rows[row + 1]
            guard (0..<Int64(header.vocabularyCount)).contains(id), (1...4).contains(levels) else {
                throw .damaged(section: Section.bitsetDirectory.name)
            }
            let sets = (0..<Int(levels)).map { Int(rows[row + 2 + $0]) }
            guard sets.allSatisfy({ (0..<setCount).contains($0) }) else { throw .damaged(section: Section.bitsetDirectory.name) }
            directory[Int32(id)] = sets
        }
        return directory
    }
}
