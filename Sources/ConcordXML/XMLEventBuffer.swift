import CLibXML2

/// One node as a parser reported it: names are indices into
/// ``XMLEventBuffer/names``, text and attribute values are byte ranges in
/// ``XMLEventBuffer/bytes``.
struct XMLEvent {
    var kind: XMLPullReader.NodeKind
    /// `<x/>`: no end event follows. On an entity reference: its text was not loaded
    /// (an external entity, or one whose declaration was never read).
    var isEmpty = false
    var depth: Int32
    var line: Int32
    var localName: Int32 = -1
    var qualifiedName: Int32 = -1
    var namespaceURI: Int32 = -1
    var textStart = 0
    var textCount = 0
    var attributeStart: Int32 = 0
    var attributeCount: Int32 = 0
    var namespaceStart: Int32 = 0
    var namespaceCount: Int32 = 0
}

/// The nodes parsed so far and not yet read, in a few flat arrays: a parser
/// appends a chunk's worth, the reader walks them, and the arrays are emptied
/// (keeping their capacity) before the next chunk, so memory stays constant
/// and no node costs an allocation of its own.
final class XMLEventBuffer {
    struct AttributeEntry {
        var name: Int32
        var valueStart: Int
        var valueCount: Int
        /// The value holds `&#38;` for a literal `&` (libxml2's way when it does not substitute entities).
        var needsDecoding: Bool
    }

    // Unchecked exclusivity: the parser callbacks and the reader take turns on one
    // thread; dynamic exclusivity checks cost a sixth of the reading time.
    @exclusivity(unchecked) var events: [XMLEvent] = []
    @exclusivity(unchecked) var bytes: [UInt8] = []
    @exclusivity(unchecked) var attributes: [AttributeEntry] = []
    @exclusivity(unchecked) var namespaces: [(prefix: Int32, uri: Int32)] = []
    /// Every name seen, for the reader's whole life (indices stay valid across chunks).
    @exclusivity(unchecked) private(set) var names: [String] = []
    /// libxml2 interns names in its dictionary: one pointer is one name.
    @exclusivity(unchecked) private var indexOfPointer: [UnsafeRawPointer: Int32] = [:]
    /// In front of it, a direct-mapped cache on the pointer (one compare for the common names).
    @exclusivity(unchecked) private var recentNames = [(pointer: UnsafeRawPointer?, index: Int32)](repeating: (nil, -1), count: 64)
    @exclusivity(unchecked) private var qualifiedCache: [(prefix: UnsafeRawPointer, local: UnsafeRawPointer, index: Int32)] = []
    private var nameIndex: [String: Int32] = [:]

    init() {
        events.reserveCapacity(1024)
        bytes.reserveCapacity(1 << 17)
        attributes.reserveCapacity(1024)
    }

    /// Forgets the events read (capacity is kept).
    func removeAll() {
        events.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        attributes.removeAll(keepingCapacity: true)
        namespaces.removeAll(keepingCapacity: true)
    }

    // MARK: Names

    /// The index of the name at a libxml2 dictionary pointer (-1 for none).
    func intern(_ pointer: UnsafePointer<xmlChar>?) -> Int32 {
        guard let pointer else { return -1 }
        let key = UnsafeRawPointer(pointer)
        let slot = Int(UInt(bitPattern: key) >> 3) & (recentNames.count - 1)
        if recentNames[slot].pointer == key { return recentNames[slot].index }
        let index: Int32
        if let known = indexOfPointer[key] {
            index = known
        } else {
            index = intern(String(cString: pointer))
            indexOfPointer[key] = index
        }
        recentNames[slot] = (key, index)
        return index
    }

    /// The index of `prefix:local` (or `local` without a prefix).
    func intern(prefix: UnsafePointer<xmlChar>?, local: UnsafePointer<xmlChar>?) -> Int32 {
        guard let prefix, let local else { return intern(local) }
        let prefixKey = UnsafeRawPointer(prefix), localKey = UnsafeRawPointer(local)
        for entry in qualifiedCache where entry.prefix == prefixKey && entry.local == localKey { return entry.index }
        let index = intern(String(cString: prefix) + ":" + String(cString: local))
        if qualifiedCache.count < 256 { qualifiedCache.append((prefixKey, localKey, index)) }
        return index
    }

    func intern(_ name: String) -> Int32 {
        if let index = nameIndex[name] { return index }
        let index = Int32(names.count)
        names.append(name)
        nameIndex[name] = index
        return index
    }

    func name(_ index: Int32) -> String { index >= 0 ? names[Int(index)] : "" }

    // MARK: Text

    /// Appends bytes and returns where they start.
    func append(_ pointer: UnsafePointer<xmlChar>, count: Int) -> Int {
        let start = bytes.count
        bytes.append(contentsOf: UnsafeBufferPointer(start: pointer, count: count))
        return start
    }

    /// Adds character data, extending the text event just before when there is one
    /// (a parser hands one run of text over in several pieces).
    func appendText(_ pointer: UnsafePointer<xmlChar>, count: Int, depth: Int32, line: Int32) {
        let blank = Self.isBlank(pointer, count: count)
        // Without text, a text event is its kind alone (text or white space).
        let kept = keepsText ? count : 0
        if let last = events.indices.last,
           events[last].kind == .text || events[last].kind == .whitespace,
           events[last].textStart + events[last].textCount == bytes.count {
            if keepsText { bytes.append(contentsOf: UnsafeBufferPointer(start: pointer, count: count)) }
            events[last].textCount += kept
            if !blank { events[last].kind = .text }
            return
        }
        let start = keepsText ? append(pointer, count: count) : bytes.count
        events.append(XMLEvent(kind: blank ? .whitespace : .text, depth: depth, line: line, textStart: start, textCount: kept))
    }

    /// False: character data is classified (text or white space) but not kept; values read as "".
    var keepsText = true

    private static func isBlank(_ pointer: UnsafePointer<xmlChar>, count: Int) -> Bool {
        for index in 0..<count {
            switch pointer[index] {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            default: return false
            }
        }
        return true
    }

    func string(start: Int, count: Int) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<start + count]), as: UTF8.self) }
    }

    func value(of attribute: AttributeEntry) -> String {
        guard attribute.needsDecoding else { return string(start: attribute.valueStart, count: attribute.valueCount) }
        // `&#38;` → `&`: what libxml2 leaves in attribute values for a literal ampersand.
        let raw = bytes[attribute.valueStart..<attribute.valueStart + attribute.valueCount]
        let reference: [UInt8] = Array("&#38;".utf8)
        var decoded: [UInt8] = []
        var index = raw.startIndex
        while index < raw.endIndex {
            if raw[index] == 0x26, raw[index...].starts(with: reference) {
                decoded.append(0x26)
                index += reference.count
            } else {
                decoded.append(raw[index])
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }
}
