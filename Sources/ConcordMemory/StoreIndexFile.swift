#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import ConcordModel

#if _endian(big)
#error("index files are little-endian and mapped as they are")
#endif

/// The index file of one store and language pair: the fuzzy index's tables, its vocabulary
/// and the entry table, laid out to be memory-mapped and used as they are.
///
/// Layout (little-endian): a header of 64-bit words — magic, format version, the store's
/// generation and identity, the time of building, counts, then per section its kind,
/// offset, length and checksum, and last a checksum of the header — then the sections,
/// each at an offset that is a multiple of 64. Reading checks the header, the stamp and
/// every section's checksum (read with `pread`, so checking costs no resident memory) and
/// then maps the file: the search reads the tables straight from the page cache.
enum StoreIndexFile {
    static let formatVersion: UInt64 = 1
    private static let magic: UInt64 = 0x3158_4449_4443_434F   // "OCCDIDX1" read little-endian

    /// The parts of the file, in the order they are written.
    enum Section: UInt64, CaseIterable {
        case pair = 1, vocabularySlots, vocabularyArena, tokens, starts, lengthOrder, firstOfLength,
             postingStarts, postingItems, bitsets, bitsetDirectory, entryUnits, entryDates, entryVariants, tooManyVariants

        var name: String {
            switch self {
            case .pair: "language pair"
            case .vocabularySlots: "vocabulary table"
            case .vocabularyArena: "vocabulary keys"
            case .tokens: "token sequences"
            case .starts: "sequence starts"
            case .lengthOrder: "length order"
            case .firstOfLength: "length table"
            case .postingStarts: "posting starts"
            case .postingItems: "posting lists"
            case .bitsets: "bit sets"
            case .bitsetDirectory: "bit set directory"
            case .entryUnits: "entry units"
            case .entryDates: "entry dates"
            case .entryVariants: "entry variants"
            case .tooManyVariants: "list of units with too many variants"
            }
        }
    }

    /// What the header says.
    struct Header {
        var stamp: StoreStamp
        var builtAt: Int64
        var sequenceCount: Int
        var vocabularyCount: Int
        var bitsetWords: Int
        var sections: [Section: (offset: Int, length: Int, checksum: UInt64)]
    }

    static let headerWords = 10 + 4 * Section.allCases.count + 1

    // MARK: Writing

    /// Writes `content` for `pair` at `stamp` to `path`, atomically: a temporary file in the
    /// same folder, flushed to disk, then renamed over `path` (a reader keeps the file it mapped).
    static func write(_ content: StoreIndexContent, pair: StoreIndexPair, stamp: StoreStamp, builtAt: Int64, to path: String) throws {
        content.index.prepare()
        let tables = content.index.tables
        let vocabulary = content.index.vocabulary.frozenTable()
        let directory = tables.bitsetOfToken.sorted { $0.key < $1.key }.flatMap { id, sets -> [Int64] in
            [Int64(id), Int64(sets.count)] + (0..<4).map { $0 < sets.count ? Int64(sets[$0]) : -1 }
        }
        let pairText = FlatArray(Array(pair.text.utf8))
        let directoryArray = FlatArray(directory), tooMany = FlatArray(content.unitsWithTooManyVariants)
        let parts: [(Section, UnsafeRawBufferPointer)] = [
            (.pair, pairText.bytes), (.vocabularySlots, vocabulary.slots.bytes), (.vocabularyArena, vocabulary.arena.bytes),
            (.tokens, tables.tokens.bytes), (.starts, tables.starts.bytes), (.lengthOrder, tables.byLengthOrder.bytes),
            (.firstOfLength, tables.firstOfLength.bytes), (.postingStarts, tables.postingStarts.bytes),
            (.postingItems, tables.postingItems.bytes), (.bitsets, tables.bitsets.bytes), (.bitsetDirectory, directoryArray.bytes),
            (.entryUnits, content.entries.units.bytes), (.entryDates, content.entries.dates.bytes),
            (.entryVariants, content.entries.variants.bytes), (.tooManyVariants, tooMany.bytes),
        ]
        var header: [UInt64] = [magic, formatVersion, UInt64(bitPattern: stamp.generation), UInt64(bitPattern: stamp.identity),
                                UInt64(bitPattern: builtAt), UInt64(tables.sequenceCount), UInt64(content.entries.count),
                                UInt64(vocabulary.count), UInt64(tables.bitsetWords), UInt64(parts.count)]
        var offset = aligned(headerWords * 8)
        for (section, bytes) in parts {
            header += [section.rawValue, UInt64(offset), UInt64(bytes.count), SectionChecksum.of(bytes)]
            offset = aligned(offset + bytes.count)
        }
        header.append(header.withUnsafeBytes { SectionChecksum.of($0) })
        let output = try AtomicFileOutput(path: path)
        do {
            try header.withUnsafeBytes { try output.write($0) }
            for (_, bytes) in parts where bytes.count > 0 {
                try output.pad(to: aligned(output.written))
                try output.write(bytes)
            }
            // The flat arrays must live until their bytes are written.
            withExtendedLifetime((pairText, directoryArray, tooMany, vocabulary, tables, content)) {}
            try output.commit()
        } catch {
            output.discard()
            throw error
        }
    }

    private static func aligned(_ offset: Int) -> Int { (offset + 63) / 64 * 64 }

    // MARK: Reading

    /// Reads and checks the header only (for `tm stats`).
    static func header(of path: String) throws(StoreIndexProblem) -> Header {
        let descriptor = try openForReading(path)
        defer { close(descriptor) }
        return try readHeader(descriptor, size: try fileSize(descriptor))
    }

    /// The content of the index file at `path`, mapped, after checking that it is whole, for
    /// `pair` and built at `stamp`.
    static func read(_ path: String, pair: StoreIndexPair, stamp: StoreStamp) throws(StoreIndexProblem) -> StoreIndexContent {
        let descriptor = try openForReading(path)
        defer { close(descriptor) }
        let size = try fileSize(descriptor)
        let header = try readHeader(descriptor, size: size)
        guard header.stamp.identity == stamp.identity else { throw .otherStore }
        guard header.stamp.generation == stamp.generation else { throw .stale(index: header.stamp.generation, store: stamp.generation) }
        for section in Section.allCases {
            let place = header.sections[section]!
            guard place.length == 0 || place.offset + place.length <= size else { throw .truncated(section: section.name) }
            guard try checksum(descriptor, offset: place.offset, length: place.length) == place.checksum else {
                throw .damaged(section: section.name)
            }
        }
        let file: MappedFile
        do { file = try MappedFile(descriptor: descriptor, size: size) } catch { throw .unreadable((error as? MappedFile.Failure)?.reason ?? "\(error)") }
        let layout = MappedLayout(file: file, header: header)
        let text = String(decoding: layout.bytes(.pair), as: UTF8.self)
        guard text == pair.text else { throw .otherPair(text.replacingOccurrences(of: " ", with: " → ")) }
        return try layout.content()
    }

    private static func openForReading(_ path: String) throws(StoreIndexProblem) -> Int32 {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw errno == ENOENT ? .missing : .unreadable(String(cString: strerror(errno))) }
        return descriptor
    }

    private static func fileSize(_ descriptor: Int32) throws(StoreIndexProblem) -> Int {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(String(cString: strerror(errno))) }
        return Int(status.st_size)
    }

    private static func readHeader(_ descriptor: Int32, size: Int) throws(StoreIndexProblem) -> Header {
        var words = [UInt64](repeating: 0, count: headerWords)
        let wanted = headerWords * 8
        let read = words.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, wanted, 0) }
        guard read >= 16 else { throw read < 0 ? .unreadable(String(cString: strerror(errno))) : .truncated(section: "header") }
        guard words[0] == magic else { throw .notAnIndex }
        guard words[1] == formatVersion else { throw .otherFormat(words[1]) }
        guard read == wanted else { throw .truncated(section: "header") }
        let stored = words[headerWords - 1]
        guard words.dropLast().withUnsafeBytes({ SectionChecksum.of($0) }) == stored, words[9] == UInt64(Section.allCases.count) else {
            throw .damaged(section: "header")
        }
        var sections: [Section: (offset: Int, length: Int, checksum: UInt64)] = [:]
        for position in 0..<Section.allCases.count {
            let base = 10 + position * 4
            guard let section = Section(rawValue: words[base]), words[base + 1] % 64 == 0,
                  words[base + 1] <= UInt64(Int.max / 2), words[base + 2] <= UInt64(Int.max / 2) else { throw .damaged(section: "header") }
            sections[section] = (Int(words[base + 1]), Int(words[base + 2]), words[base + 3])
        }
        guard sections.count == Section.allCases.count, words[5] < 1 << 40, words[7] < 1 << 40, words[8] < 1 << 40 else {
            throw .damaged(section: "header")
        }
        return Header(stamp: StoreStamp(generation: Int64(bitPattern: words[2]), identity: Int64(bitPattern: words[3])),
                      builtAt: Int64(bitPattern: words[4]), sequenceCount: Int(words[5]), vocabularyCount: Int(words[7]),
                      bitsetWords: Int(words[8]), sections: sections)
    }

    /// The checksum of a byte range of the file, read in chunks (not mapped: no resident memory kept).
    private static func checksum(_ descriptor: Int32, offset: Int, length: Int) throws(StoreIndexProblem) -> UInt64 {
        var checksum = SectionChecksum()
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 64)
        defer { buffer.deallocate() }
        var done = 0
        while done < length {
            let read = pread(descriptor, buffer.baseAddress, min(chunk, length - done), off_t(offset + done))
            if read < 0 { throw .unreadable(String(cString: strerror(errno))) }
            if read == 0 { throw .truncated(section: "file") }
            checksum.add(UnsafeRawBufferPointer(rebasing: buffer[0..<read]))
            done += read
        }
        return checksum.value
    }
}
