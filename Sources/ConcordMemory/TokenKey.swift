#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A token key hashed and compared by its UTF-8 bytes. Keys are folded (NFKC),
/// so byte equality is the equality that matters, and it skips the Unicode
/// canonical-equivalence work String's own hashing does on every non-ASCII key.
struct TokenKey: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (lhs: TokenKey, rhs: TokenKey) -> Bool {
        var left = lhs.text, right = rhs.text
        return left.withUTF8 { a in
            right.withUTF8 { b in a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0) }
        }
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
