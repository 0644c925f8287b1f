import ConcordFormats
import ConcordModel
import Foundation

/// `concord align DIR_EN DIR_RU [DIR_ZH] --from en --to ru[,zh]`: years of releases and their
/// translations, paired by file name (`2019-04-24-moscow.en.txt` ↔ `2019-04-24-moscow.ru.html`, or
/// the same name in each folder), failing that by the numbers and dates in their text, and each
/// set aligned.
public struct ArchiveAlignmentRequest: Codable, Sendable, Equatable {
    /// The source folder, then one folder per translation language.
    public var folders: [String]
    public var sourceLanguage: LanguageTag
    public var targetLanguages: [LanguageTag]
    public var encoding: String?
    public var glossaries: [InputLocation]?

    public init(folders: [String], sourceLanguage: LanguageTag, targetLanguages: [LanguageTag], encoding: String? = nil,
                glossaries: [InputLocation]? = nil) {
        self.folders = folders
        self.sourceLanguage = sourceLanguage
        self.targetLanguages = targetLanguages
        self.encoding = encoding
        self.glossaries = glossaries
    }

    /// `progress` hears of each document set as it is aligned (done, of how many).
    public func run(progress: (Int, Int) -> Void = { _, _ in }) throws -> ArchiveAlignmentResult {
        let languages = [sourceLanguage] + targetLanguages
        let listings = try zip(folders, languages).map { folder, language in try DocumentListing(folder: folder, language: language) }
        let pairing = ArchivePairing.pair(listings)
        var documents: [ArchiveAlignmentResult.DocumentSet] = []
        for (done, files) in pairing.sets.enumerated() {
            let result = try MultilingualAlignmentRequest(
                pivot: .file(files[0]), pivotLanguage: sourceLanguage,
                translations: zip(files.dropFirst(), targetLanguages).map { .init(input: .file($0), language: $1) },
                encoding: encoding, glossaries: glossaries).run()
            documents.append(.init(files: files, alignment: result))
            progress(done + 1, pairing.sets.count)
        }
        return ArchiveAlignmentResult(documents: documents, unmatched: pairing.unmatched)
    }
}

/// Each document set aligned, and the files no set took.
public struct ArchiveAlignmentResult: Codable, Sendable, Equatable {
    public struct DocumentSet: Codable, Sendable, Equatable {
        /// The source file, then its translations in the order of the languages.
        public var files: [String]
        public var alignment: MultilingualAlignmentResult

        /// The mean confidence of the beads with both sides, over every translation: low when the
        /// documents are not translations of each other after all.
        public var confidence: Double {
            let beads = alignment.pairs.flatMap(\.alignment.beads).filter { !$0.source.isEmpty && !$0.target.isEmpty }
            return beads.isEmpty ? 0 : beads.reduce(0) { $0 + $1.confidence } / Double(beads.count)
        }
    }

    public var documents: [DocumentSet]
    public var unmatched: [String]
}

/// The documents of one folder, by the key that pairs them across languages.
struct DocumentListing {
    let language: LanguageTag
    /// Paths by pairing key: the name without extension and without the language tag.
    let byKey: [String: String]

    init(folder: String, language: LanguageTag) throws {
        try InputLocation.file(folder).requireDirectory()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { name in
            !name.hasPrefix(".") && DocumentFormat(path: name) != nil
        }
        self.language = language
        var byKey: [String: String] = [:]
        for name in names.sorted() { byKey[Self.key(of: name, language: language)] = (folder as NSString).appendingPathComponent(name) }
        self.byKey = byKey
    }

    /// `2019-04-24-moscow.en.txt`, `2019-04-24-moscow_en.html`, `2019-04-24-moscow-EN.md` → `2019-04-24-moscow`.
    static func key(of name: String, language: LanguageTag) -> String {
        var stem = (name as NSString).deletingPathExtension
        for separator in [".", "_", "-"] {
            for tag in [language.canonical, language.language] where stem.lowercased().hasSuffix((separator + tag).lowercased()) {
                stem = String(stem.dropLast(separator.count + tag.count))
            }
        }
        return stem
    }
}

/// Document sets across the folders: by key, then (for what is left) by the numbers in the texts.
enum ArchivePairing {
    struct Pairing {
        var sets: [[String]]
        var unmatched: [String]
    }

    static func pair(_ listings: [DocumentListing]) -> Pairing {
        guard let source = listings.first else { return Pairing(sets: [], unmatched: []) }
        var sets: [[String]] = []
        var taken: [Set<String>] = listings.map { _ in [] }
        for key in source.byKey.keys.sorted() {
            var files: [String] = []
            for (index, listing) in listings.enumerated() {
                if let path = listing.byKey[key] ?? byNumbers(source.byKey[key]!, in: listing, excluding: taken[index]) {
                    files.append(path)
                }
            }
            guard files.count == listings.count else { continue }
            for (index, path) in files.enumerated() { taken[index].insert(path) }
            sets.append(files)
        }
        let unmatched = listings.enumerated().flatMap { index, listing in listing.byKey.values.filter { !taken[index].contains($0) } }.sorted()
        return Pairing(sets: sets, unmatched: unmatched)
    }

    /// The file of `listing` whose numbers (dates, figures) best match those of `path`, if clearly one.
    private static func byNumbers(_ path: String, in listing: DocumentListing, excluding taken: Set<String>) -> String? {
        let wanted = numbers(in: path)
        guard wanted.count >= 3 else { return nil }
        let scored = listing.byKey.values.filter { !taken.contains($0) }.map { candidate -> (String, Double) in
            let found = numbers(in: candidate)
            return (candidate, Double(wanted.intersection(found).count) / Double(max(1, wanted.union(found).count)))
        }.sorted { $0.1 > $1.1 }
        guard let best = scored.first, best.1 >= 0.5, scored.count < 2 || scored[1].1 < best.1 * 0.8 else { return nil }
        return best.0
    }

    private static func numbers(in path: String) -> Set<String> {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return Set(text.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).map(String.init).filter { $0.count >= 2 })
    }
}
