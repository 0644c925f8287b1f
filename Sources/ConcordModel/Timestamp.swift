/// A moment in UTC, to the second, as TMX records dates (`20190424T093000Z`).
public struct Timestamp: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    /// Parses ISO 8601 dates as TMX files carry them: `YYYYMMDDThhmmssZ` first,
    /// then `YYYY-MM-DDThh:mm:ss(Z|±hh:mm)`, `YYYY-MM-DD` and `YYYYMMDD`.
    public init?(iso8601 raw: some StringProtocol) {
        let text = raw.trimmingWhitespace()
        var digits: [Int] = []
        var offsetSign = 0
        var offsetDigits: [Int] = []
        var sawTime = false
        for character in text {
            if let value = character.wholeNumberValue, character.isASCII {
                if offsetSign != 0 { offsetDigits.append(value) } else { digits.append(value) }
            } else if character == "T" || character == "t" || character == " " {
                sawTime = true
            } else if character == "-" || character == ":" || character == "." {
                if sawTime && character == "-" && digits.count >= 10 { offsetSign = -1 }
                continue
            } else if character == "+" && sawTime {
                offsetSign = 1
            } else if character == "Z" || character == "z" {
                continue
            } else {
                return nil
            }
        }
        guard digits.count >= 8 else { return nil }
        func number(_ range: Range<Int>) -> Int {
            range.reduce(0) { $0 * 10 + (digits.indices.contains($1) ? digits[$1] : 0) }
        }
        let year = number(0..<4), month = number(4..<6), day = number(6..<8)
        let hour = number(8..<10), minute = number(10..<12), second = number(12..<14)
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var seconds = Int64(Self.daysFromCivil(year: year, month: month, day: day)) * 86_400
        seconds += Int64(hour * 3600 + minute * 60 + second)
        if offsetSign != 0, offsetDigits.count >= 2 {
            let offsetHours = offsetDigits[0] * 10 + offsetDigits[1]
            let offsetMinutes = offsetDigits.count >= 4 ? offsetDigits[2] * 10 + offsetDigits[3] : 0
            seconds -= Int64(offsetSign * (offsetHours * 3600 + offsetMinutes * 60))
        }
        secondsSinceEpoch = seconds
    }

    /// `YYYYMMDDThhmmssZ`, the form TMX recommends.
    public var tmxString: String {
        let (year, month, day) = Self.civilFromDays(Int(secondsSinceEpoch.floorDivided(by: 86_400)))
        let rest = Int(secondsSinceEpoch - secondsSinceEpoch.floorDivided(by: 86_400) * 86_400)
        return pad(year, 4) + pad(month, 2) + pad(day, 2) + "T" + pad(rest / 3600, 2) + pad(rest / 60 % 60, 2) + pad(rest % 60, 2) + "Z"
    }

    /// `YYYY-MM-DDThh:mm:ssZ`, for JSON and people.
    public var isoString: String {
        let basic = Array(tmxString)
        let s = { (r: Range<Int>) in String(basic[r]) }
        return "\(s(0..<4))-\(s(4..<6))-\(s(6..<8))T\(s(9..<11)):\(s(11..<13)):\(s(13..<15))Z"
    }

    public var description: String { isoString }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.secondsSinceEpoch < rhs.secondsSinceEpoch }

    private func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    // Howard Hinnant's days-from-civil algorithm (proleptic Gregorian calendar).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let parsed = Timestamp(iso8601: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO 8601 date: \(text)"))
        }
        self = parsed
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(isoString)
    }
}

private extension Int64 {
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
