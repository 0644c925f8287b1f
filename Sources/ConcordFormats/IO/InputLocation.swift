import ConcordXML
import Foundation

/// Where an input comes from: a file, standard input, or bytes in memory (a server's
/// upload). The command line turns `-` into ``standardInput``; nothing below it knows `-`.
public enum InputLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    case file(String)
    case standardInput
    case bytes(name: String, content: [UInt8])

    /// The name messages use: the path, `<stdin>`, or the name given.
    public var name: String {
        switch self {
        case let .file(path): return path
        case .standardInput: return "<stdin>"
        case let .bytes(name, _): return name
        }
    }

    public var description: String { name }

    /// The file's path, for a file.
    public var path: String? {
        if case let .file(path) = self { return path }
        return nil
    }

    /// True when the input can be read a second time (a file or bytes, not standard input).
    public var canBeReread: Bool {
        if case .standardInput = self { return false }
        return true
    }

    /// The one check that an input exists, before any work is done: a missing file
    /// is ``FormatError/missingFile(_:)``, a folder ``FormatError/cannotOpen(file:reason:)``.
    public func requireExisting() throws {
        guard case let .file(path) = self else { return }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw FormatError.missingFile(path) }
        if isDirectory.boolValue { throw FormatError.cannotOpen(file: path, reason: "is a directory") }
    }

    private enum CodingKeys: String, CodingKey { case file, standardInput, bytes, name }

    /// `{"file": PATH}`, `{"standardInput": true}` or `{"name": NAME, "bytes": BASE64}`.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let path = try container.decodeIfPresent(String.self, forKey: .file) {
            self = .file(path)
        } else if let content = try container.decodeIfPresent(Data.self, forKey: .bytes) {
            self = .bytes(name: try container.decodeIfPresent(String.self, forKey: .name) ?? "upload", content: Array(content))
        } else if try container.decodeIfPresent(Bool.self, forKey: .standardInput) == true {
            self = .standardInput
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "an input is {\"file\": PATH}, {\"standardInput\": true} or {\"name\": NAME, \"bytes\": BASE64}"))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .file(path): try container.encode(path, forKey: .file)
        case .standardInput: try container.encode(true, forKey: .standardInput)
        case let .bytes(name, content):
            try container.encode(name, forKey: .name)
            try container.encode(Data(content), forKey: .bytes)
        }
    }

    /// Throws unless the location is a folder (for commands that take a folder of documents).
    public func requireDirectory() throws {
        guard case let .file(path) = self else { throw FormatError.cannotOpen(file: name, reason: "is not a folder") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw FormatError.missingFile(path) }
        guard isDirectory.boolValue else { throw FormatError.cannotOpen(file: path, reason: "is not a folder") }
    }

    /// A source of its bytes for the XML readers.
    public func byteSource() throws -> ByteSource {
        switch self {
        case let .file(path):
            do {
                return try FileByteSource(path: path)
            } catch let error as XMLError {
                throw FormatError(error, reading: path)
            }
        case .standardInput: return FileByteSource(standardInputNamed: name)
        case let .bytes(_, content): return MemoryByteSource(content)
        }
    }
}

/// Where an output goes: a file (written atomically), standard output, or memory.
public enum OutputLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    case file(String)
    case standardOutput
    /// Collected in memory (a server's response body).
    case memory(MemoryOutput)

    /// The name messages use.
    public var name: String {
        switch self {
        case let .file(path): return path
        case .standardOutput: return "<stdout>"
        case .memory: return "<memory>"
        }
    }

    public var description: String { name }

    /// The file's path, for a file.
    public var path: String? {
        if case let .file(path) = self { return path }
        return nil
    }

    private enum CodingKeys: String, CodingKey { case file, standardOutput, memory }

    /// `{"file": PATH}`, `{"standardOutput": true}` or `{"memory": true}` (a decoded memory output starts empty).
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let path = try container.decodeIfPresent(String.self, forKey: .file) {
            self = .file(path)
        } else if try container.decodeIfPresent(Bool.self, forKey: .memory) == true {
            self = .memory(MemoryOutput())
        } else {
            self = .standardOutput
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .file(path): try container.encode(path, forKey: .file)
        case .standardOutput: try container.encode(true, forKey: .standardOutput)
        case .memory: try container.encode(true, forKey: .memory)
        }
    }
}

/// Bytes an output collected in memory; complete once the writer has committed.
public final class MemoryOutput: @unchecked Sendable, Hashable {
    // Safe because `collected` is only touched while holding `lock`.
    private let lock = NSLock()
    private var collected: [UInt8] = []

    public init() {}

    public var bytes: [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        return collected
    }

    func append(_ bytes: [UInt8]) {
        lock.lock()
        collected += bytes
        lock.unlock()
    }

    public static func == (lhs: MemoryOutput, rhs: MemoryOutput) -> Bool { lhs === rhs }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
