import ConcordModel

/// Errors that stop reading or writing an exchange format. Positions are 1-based.
public enum FormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not well-formed XML, or a structure the format does not allow.
    case notWellFormed(file: String, line: Int, column: Int, message: String)
    /// The document's root is not what the format requires (a Tiled `.tmx` map, an XLIFF file).
    case wrongRoot(file: String, line: Int, column: Int, found: String, expected: String)
    /// A required part is missing (a TMX without `<body>`).
    case missingPart(file: String, line: Int, column: Int, part: String)
    /// A delimited-text file that cannot be read (bad quoting, no header row).
    case badTable(file: String, line: Int, column: Int, message: String)
    /// The input file does not exist.
    case missingFile(String)
    /// The input file cannot be opened.
    case cannotOpen(file: String, reason: String)
    /// An output file could not be created or written.
    case cannotCreate(file: String, reason: String)
    /// Reading failed part-way.
    case io(file: String, reason: String)
    /// The file name does not say which format it is in.
    case unknownFormat(file: String, supported: [String])
    /// The output named is one of the inputs (the same file, whatever the path says).
    case outputIsInput(output: String, input: String)
    /// `--encoding` names a charset ICU does not know.
    case unknownEncoding(name: String)
    /// Standard output was closed by its reader (`concord … | head`): not worth a message.
    case outputClosed

    public var description: String {
        switch self {
        case let .notWellFormed(file, line, column, message):
            return "\(file):\(line):\(column): \(message)"
        case let .wrongRoot(file, line, column, found, expected):
            return "\(file):\(line):\(column): not a \(expected.uppercased()) file: the root element is <\(found)>, expected <\(expected)>"
        case let .missingPart(file, line, column, part):
            return "\(file):\(line):\(column): \(part) is missing"
        case let .badTable(file, line, column, message):
            return "\(file):\(line):\(column): \(message)"
        case let .missingFile(file):
            return "\(file): no such file"
        case let .cannotOpen(file, reason):
            return "\(file): cannot open: \(reason)"
        case let .cannotCreate(file, reason):
            return "\(file): cannot write: \(reason)"
        case let .io(file, reason):
            return "\(file): I/O error: \(reason)"
        case let .unknownFormat(file, supported):
            return "\(file): cannot tell the format from the extension (use one of: \(supported.joined(separator: ", ")))"
        case let .outputIsInput(output, input):
            return output == input
                ? "\(output): is both an input and the output; write the output to another file"
                : "\(output): is the same file as the input \(input); write the output to another file"
        case .outputClosed:
            return "standard output was closed"
        case let .unknownEncoding(name):
            return "'\(name)' is not an encoding Concord knows; use a name such as UTF-8, UTF-16, windows-1251, KOI8-R, GB18030 or Big5"
        }
    }
}
