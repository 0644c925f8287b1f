/// A string hashed and compared by its UTF-8 bytes. The recogniser's keys are folded text (NFC
/// already), so byte equality is the equality that matters, and hashing skips the Unicode
/// normalisation String's own hashing does for every non-ASCII key.
struct ByteKey: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (left: ByteKey, right: ByteKey) -> Bool { left.text.utf8.elementsEqual(right.text.utf8) }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
