import CICU

/// An ICU transform such as `Traditional-Simplified` (聯合國 → 联合国) or
/// `Russian-Latin/BGN` (Норов → Norov). Not thread-safe: one per thread.
public final class Transliterator {
    private let handle: OpaquePointer
    /// The transform id the instance was opened with.
    public let id: String

    /// Opens the transform `id`; throws ``TextError/unknownTransform(id:)`` if ICU lacks it.
    public init(id: String) throws {
        let units = Array(id.utf16)
        var status: Int32 = 0
        let handle = units.withUnsafeBufferPointer { cicu_translit_open($0.baseAddress, Int32($0.count), &status) }
        guard let handle, status <= 0 else {
            if let handle { cicu_translit_close(handle) }
            throw TextError.unknownTransform(id: id)
        }
        self.handle = handle
        self.id = id
    }

    deinit { cicu_translit_close(handle) }

    /// `text` transformed.
    public func transliterate(_ text: String) throws -> String {
        let units = Array(text.utf16)
        var capacity = units.count * 2 + 16
        while true {
            var buffer = units + [UInt16](repeating: 0, count: capacity - units.count)
            var status: Int32 = 0
            let length = buffer.withUnsafeMutableBufferPointer {
                cicu_translit(handle, $0.baseAddress, Int32(units.count), Int32($0.count), &status)
            }
            try checkICU(status, "transliteration \(id)")
            if Int(length) <= capacity {
                return String(decoding: buffer[..<Int(length)], as: UTF16.self)
            }
            capacity = Int(length) + 16
        }
    }
}
