import Foundation

/// Paths and helpers shared by the test targets.
public enum TestSupport {
    /// The package's root folder.
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// `../shared/data` beside the package, where the shared corpora live (present in CI).
    public static let sharedData: URL = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")

    /// True when the shared data sets are there; suites over them are skipped otherwise.
    public static let sharedDataAvailable: Bool = FileManager.default.fileExists(atPath: sharedData.appendingPathComponent("tmx-corpus").path)

    /// Why a suite over shared data did not run.
    public static let sharedDataSkipMessage = "skipped: ../shared/data is not beside the package (the shared corpora live there in CI)"

    /// A fresh empty folder for one test's files.
    public static func temporaryDirectory(_ name: String = #function) throws -> URL {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("concord-tests-\(safe)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The built `concord` executable, next to the test bundle.
    public static var concordExecutable: URL {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = me.deletingLastPathComponent()
        // The test runner may be inside ConcordPackageTests.xctest/...
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("concord").path), directory.path != "/" {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("concord")
    }

    /// The result of running the CLI.
    public struct RunResult {
        public let status: Int32
        public let stdout: String
        public let stderr: String
        public var stdoutData: Data

        public init(status: Int32, stdout: String, stderr: String, stdoutData: Data) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
            self.stdoutData = stdoutData
        }
    }

    /// Runs `concord` with `arguments`, feeding `input` on stdin.
    @discardableResult
    public static func runConcord(_ arguments: [String], input: Data? = nil, directory: URL? = nil) throws -> RunResult {
        let process = Process()
        process.executableURL = concordExecutable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(input) }
        try inPipe.fileHandleForWriting.close()
        // Read both pipes concurrently so neither fills up and blocks the child.
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        let errHandle = err.fileHandleForReading
        DispatchQueue.global().async {
            errBox.data = errHandle.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errData = errBox.data
        process.waitUntilExit()
        return RunResult(status: process.terminationStatus,
                         stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self),
                         stdoutData: outData)
    }

    /// Runs `concord` and sends it `signal` after `delay` seconds (Ctrl-C, SIGTERM): its exit
    /// status and what it said on standard error.
    public static func runConcord(_ arguments: [String], in directory: URL, signal: Int32, after delay: TimeInterval) throws -> RunResult {
        let process = Process()
        process.executableURL = concordExecutable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        kill(process.processIdentifier, signal)
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return RunResult(status: process.terminationStatus, stdout: "", stderr: String(decoding: data, as: UTF8.self), stdoutData: Data())
    }
}

extension TestSupport {
    /// Runs a program found on the PATH (python3, xmllint, chromium) and collects its output.
    @discardableResult
    public static func runProgram(_ name: String, _ arguments: [String]) throws -> RunResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        let (output, errors) = (Pipe(), Pipe())
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes while the program runs, so that neither fills up and blocks it.
        let errorData = LockedData()
        let reader = Thread { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.done { Thread.sleep(forTimeInterval: 0.01) }
        return RunResult(status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
                         stderr: String(decoding: errorData.value, as: UTF8.self), stdoutData: outputData)
    }

    /// The first of `names` on the PATH, or nil.
    public static func program(_ names: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") { return name }
        }
        return nil
    }
}

/// Bytes handed from a reading thread to the test, behind a lock.
private final class LockedData: @unchecked Sendable {   // every access holds `lock`
    private let lock = NSLock()
    private var data = Data()
    private var finished = false

    func set(_ value: Data) { lock.lock(); data = value; finished = true; lock.unlock() }
    var done: Bool { lock.lock(); defer { lock.unlock() }; return finished }
    var value: Data { lock.lock(); defer { lock.unlock() }; return data }
}
