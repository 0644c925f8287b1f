import CLibXML2

/// Errors that stop reading or writing XML. Positions are 1-based, as editors show them.
public enum XMLError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input is not well-formed XML (or libxml2 refused it, e.g. an entity loop).
    case notWellFormed(file: String, line: Int, column: Int, message: String)
    /// The file could not be opened.
    case cannotOpen(file: String, reason: String)
    /// Reading or writing failed part-way.
    case io(file: String, reason: String)
    /// The writer was used out of order or libxml2 failed to write.
    case writeFailed(reason: String)
    /// A schema or DTD could not be loaded.
    case invalidSchema(file: String, message: String)

    public var description: String {
        switch self {
        case let .notWellFormed(file, line, column, message):
            return "\(file):\(line):\(column): \(message)"
        case let .cannotOpen(file, reason):
            return "\(file): cannot open: \(reason)"
        case let .io(file, reason):
            return "\(file): I/O error: \(reason)"
        case let .writeFailed(reason):
            return "XML writer failed: \(reason)"
        case let .invalidSchema(file, message):
            return "\(file): cannot load schema: \(message)"
        }
    }
}

/// A problem libxml2 reported without stopping (a warning or a recoverable error).
public struct XMLIssue: Equatable, Sendable {
    public enum Level: Sendable { case warning, error, fatal }
    public let level: Level
    public let message: String
    public let line: Int
    public let column: Int

    public init(level: Level, message: String, line: Int, column: Int) {
        self.level = level
        self.message = message
        self.line = line
        self.column = column
    }
}

extension XMLIssue {
    /// The issue libxml2 reported, its message without the trailing newline.
    init(libxml2 error: xmlErrorPtr) {
        let raw = error.pointee
        var message = raw.message.map { String(cString: $0) } ?? "XML error"
        while let last = message.last, last == "\n" || last == " " { message.removeLast() }
        if message.isEmpty { message = "XML error" }
        message = Self.plain(message)
        let level: Level
        switch raw.level {
        case XML_ERR_WARNING: level = .warning
        case XML_ERR_ERROR: level = .error
        default: level = .fatal
        }
        self.init(level: level, message: message, line: Int(raw.line), column: Int(raw.int2))
    }

    /// libxml2's words for its limits name its own options ("use XML_PARSE_HUGE option"),
    /// which mean nothing to a translator: say what the limit is about instead.
    static func plain(_ message: String) -> String {
        guard message.contains("XML_PARSE_HUGE") || message.lowercased().contains("huge") else { return message }
        if message.hasPrefix("Excessive depth in document:") {
            let depth = message.dropFirst("Excessive depth in document:".count).prefix { $0 == " " || $0.isNumber }
                .trimmingPrefix(" ")
            return "elements are nested more than \(depth) deep (a limit that protects against hostile files)"
        }
        var text = message
        for noise in [" use XML_PARSE_HUGE option", ", use XML_PARSE_HUGE option", " (use XML_PARSE_HUGE option)"] {
            text = text.replacing(noise, with: "")
        }
        return text + " (the file goes beyond a size limit that protects against hostile files)"
    }
}
