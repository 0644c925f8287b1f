import CICU

/// Unicode normalisation forms that ICU provides.
public enum NormalizationForm: Int32, Sendable {
    case nfc = 0, nfd = 1, nfkc = 2, nfkd = 3
    /// NFKC followed by full case folding (UTS #46 style); the base of Concord's matching key.
    case nfkcCasefold = 4
}

/// Unicode normalisation through ICU.
public enum Normalizer {
    /// `text` in the given normal form.
    public static func normalize(_ text: String, form: NormalizationForm) throws -> String {
        let units = Array(text.utf16)
        return String(decoding: try normalize(units: units, form: form), as: UTF16.self)
    }

    /// UTF-16 code units in the given normal form.
    public static func normalize(units: [UInt16], form: NormalizationForm) throws -> [UInt16] {
        var capacity = units.count + units.count / 2 + 8
        while true {
            var output = [UInt16](repeating: 0, count: capacity)
            var status: Int32 = 0
            let needed = units.withUnsafeBufferPointer { source in
                output.withUnsafeMutableBufferPointer { target in
                    cicu_normalize(form.rawValue, source.baseAddress, Int32(source.count),
                                   target.baseAddress, Int32(target.count), &status)
                }
            }
            try checkICU(status, "normalisation")
            if Int(needed) <= capacity {
                output.removeSubrange(Int(needed)...)
                return output
            }
            capacity = Int(needed)
        }
    }

    /// True when text may be cut before `scalar` and each piece normalised alone.
    public static func hasBoundary(before scalar: Unicode.Scalar, form: NormalizationForm) -> Bool {
        cicu_normalize_has_boundary_before(form.rawValue, scalar.value) == 1
    }

    /// True when `scalar` is left alone by `form` and never combines with neighbours.
    public static func isInert(_ scalar: Unicode.Scalar, form: NormalizationForm) -> Bool {
        cicu_normalize_is_inert(form.rawValue, scalar.value) == 1
    }
}
