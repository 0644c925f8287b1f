import CICU

/// Bytes in a named character set to text, through ICU's converters
/// (windows-1251, KOI8-R, GB18030, Big5, UTF-16LE …).
public enum CharsetDecoder {
    /// Why bytes could not be decoded.
    public enum Failure: Error, Equatable {
        /// ICU has no converter by that name.
        case unknownCharset(String)
        /// The bytes at `offset` are not valid in the charset.
        case invalid(offset: Int)
    }

    public static func decode(_ bytes: [UInt8], charset: String) throws(Failure) -> String {
        // One UTF-16 unit per byte is enough for every single- and multi-byte charset but UTF-32,
        // which needs at most two per four bytes.
        var buffer = [UInt16](repeating: 0, count: max(bytes.count, 1))
        var status: Int32 = 0
        var offset: Int32 = -1
        let length = bytes.withUnsafeBufferPointer { input in
            buffer.withUnsafeMutableBufferPointer { output in
                cicu_convert_to_utf16(charset, input.baseAddress, Int32(input.count), output.baseAddress, Int32(output.count), &offset, &status)
            }
        }
        if status > 0 {
            if offset >= 0 { throw .invalid(offset: Int(offset)) }
            throw .unknownCharset(charset)
        }
        return String(decoding: buffer[0..<Int(length)], as: UTF16.self)
    }
}
