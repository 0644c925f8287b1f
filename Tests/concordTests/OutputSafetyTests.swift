import ConcordTestSupport
import Foundation
import Testing

/// Where results go: a full disk, a reader that leaves, an output that is an
/// input, links, FIFOs, devices, and a writer killed half-way.
@Suite struct OutputSafetyTests {
    static let memory = """
    <?xml version="1.0" encoding="UTF-8"?>
    <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>
    <body>
    <tu tuid="1"><tuv xml:lang="en"><seg>The SCO summit opened.</seg></tuv><tuv xml:lang="ru"><seg>Саммит ШОС открылся.</seg></tuv></tu>
    <tu tuid="2"><tuv xml:lang="en"><seg>Talks ended.</seg></tuv><tuv xml:lang="ru"><seg>Переговоры завершились.</seg></tuv></tu>
    </body></tmx>
    """

    /// Runs a shell command line with `$CONCORD` set to the built binary.
    static func shell(_ script: String, in directory: URL) throws -> TestSupport.RunResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(["CONCORD": TestSupport.concordExecutable.path]) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return .init(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errData, as: UTF8.self), stdoutData: outData)
    }

    func withFiles(_ body: (URL) throws -> Void) throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.memory.write(to: directory.appendingPathComponent("m.tmx"), atomically: true, encoding: .utf8)
        let release = (0..<3000).map { "The SCO summit opened in Astana on day \($0). Delegates met." }.joined(separator: "\n")
        try release.write(to: directory.appendingPathComponent("release.txt"), atomically: true, encoding: .utf8)
        try body(directory)
    }

    @Test func aFullStandardOutputIsAnIOError() throws {
        try withFiles { directory in
            for command in ["$CONCORD segment release.txt --lang en", "$CONCORD segment release.txt --lang en --json",
                            "$CONCORD tmx stats m.tmx", "$CONCORD tmx stats m.tmx --json", "$CONCORD tmx validate m.tmx --json",
                            "$CONCORD tm lookup 'Talks ended.' --tm m.tmx --from en --to ru",
                            "$CONCORD tm lookup 'Talks ended.' --tm m.tmx --from en --to ru --json",
                            "$CONCORD tm concordance summit --tm m.tmx --lang en", "$CONCORD tmx convert m.tmx -o -"] {
                let result = try Self.shell(command + " > /dev/full", in: directory)
                #expect(result.status == 74, "\(command): \(result.stderr)")
                #expect(result.stderr.contains("standard output") && result.stderr.contains("No space left"), "\(command)")
                #expect(!result.stderr.contains("Fatal error"))
            }
        }
    }

    @Test func aClosedPipeEndsQuietly() throws {
        try withFiles { directory in
            for command in ["$CONCORD segment release.txt --lang en", "$CONCORD segment release.txt --lang en --json"] {
                let result = try Self.shell(command + " | head -1", in: directory)
                #expect(result.status == 0)
                #expect(result.stdout.split(separator: "\n").count == 1)
                #expect(result.stderr.isEmpty, "\(command): \(result.stderr)")
            }
        }
    }

    @Test func anOutputThatIsAnInputIsRefused() throws {
        try withFiles { directory in
            let store = directory.appendingPathComponent("store.tmx").path
            #expect(try TestSupport.runConcord(["tm", "import", directory.appendingPathComponent("m.tmx").path, "--db", store]).status == 0)
            let export = try TestSupport.runConcord(["tm", "export", "--db", store, "-o", store])
            #expect(export.status == 64)
            #expect(export.stderr.contains("both an input and the output"))
            #expect(try TestSupport.runConcord(["tm", "stats", "--db", store]).stdout.contains("units: 2"))

            // A hard link is the same file under another name.
            try FileManager.default.linkItem(atPath: directory.appendingPathComponent("m.tmx").path,
                                             toPath: directory.appendingPathComponent("same.tmx").path)
            let convert = try TestSupport.runConcord(["tmx", "convert", "m.tmx", "-o", "same.tmx"], directory: directory)
            #expect(convert.status == 64)
            #expect(try String(contentsOf: directory.appendingPathComponent("m.tmx"), encoding: .utf8) == Self.memory)
            let merge = try TestSupport.runConcord(["tmx", "merge", "m.tmx", "m.tmx", "-o", "./same.tmx"], directory: directory)
            #expect(merge.status == 64)

            try TestSupport.runConcord(["tmx", "convert", "m.tmx", "-o", "g.csv"], directory: directory)
            let glossary = try TestSupport.runConcord(["glossary", "convert", "g.csv", "-o", "./g.csv"], directory: directory)
            #expect(glossary.status == 64)
        }
    }

    @Test func aSymbolicLinkIsFollowedAndKept() throws {
        try withFiles { directory in
            let link = directory.appendingPathComponent("link.tmx")
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real.tmx")
            #expect(try TestSupport.runConcord(["tmx", "convert", "m.tmx", "-o", "link.tmx"], directory: directory).status == 0)
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "real.tmx")
            #expect(try String(contentsOf: directory.appendingPathComponent("real.tmx"), encoding: .utf8).contains("Talks ended."))
        }
    }

    @Test func aFIFOAndADeviceAreWrittenInPlace() throws {
        try withFiles { directory in
            #expect(mkfifo(directory.appendingPathComponent("fifo.tmx").path, 0o644) == 0)
            let result = try Self.shell("cat fifo.tmx > got.tmx & $CONCORD tmx convert m.tmx -o fifo.tmx; wait", in: directory)
            #expect(result.status == 0, "\(result.stderr)")
            var info = stat()
            #expect(lstat(directory.appendingPathComponent("fifo.tmx").path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
            #expect(try String(contentsOf: directory.appendingPathComponent("got.tmx"), encoding: .utf8).contains("Talks ended."))

            let rules = try TestSupport.runConcord(["segment", "--export-rules", "/dev/null"])
            #expect(rules.status == 0)
            #expect(lstat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        }
    }

    @Test func aKilledWriterLeavesNoTemporaryBehind() throws {
        try withFiles { directory in
            // A temporary of a writer that no longer exists is removed by the next run.
            var gone: Int32 = 4_000_000
            while kill(gone, 0) == 0 || errno != ESRCH { gone -= 1 }
            let stale = directory.appendingPathComponent(".out.tmx.concord-\(gone)-abc")
            try Data("half".utf8).write(to: stale)
            #expect(try TestSupport.runConcord(["tmx", "convert", "m.tmx", "-o", "out.tmx"], directory: directory).status == 0)
            #expect(!FileManager.default.fileExists(atPath: stale.path))

            // SIGKILL in the middle of a large conversion.
            let unit = "<tu><tuv xml:lang=\"en\"><seg>Sentence number %d of the release.</seg></tuv><tuv xml:lang=\"ru\"><seg>Предложение %d.</seg></tuv></tu>\n"
            let body = (0..<200_000).map { String(format: unit, $0, $0) }.joined()
            try (Self.memory.components(separatedBy: "<body>")[0] + "<body>\n" + body + "</body></tmx>\n")
                .write(to: directory.appendingPathComponent("big.tmx"), atomically: true, encoding: .utf8)
            _ = try Self.shell("$CONCORD tmx convert big.tmx -o killed.tmx & sleep 0.5; kill -9 $!; wait", in: directory)
            let left = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") }
            #expect(left.isEmpty, "\(left)")
        }
    }

    @Test func interruptsSayWhatHappenedAndLeaveNothingHalfWritten() throws {
        try withFiles { directory in
            let unit = "<tu><tuv xml:lang=\"en\"><seg>Sentence number %d of the release.</seg></tuv><tuv xml:lang=\"ru\"><seg>Предложение %d.</seg></tuv></tu>\n"
            let body = (0..<300_000).map { String(format: unit, $0, $0) }.joined()
            try (Self.memory.components(separatedBy: "<body>")[0] + "<body>\n" + body + "</body></tmx>\n")
                .write(to: directory.appendingPathComponent("big.tmx"), atomically: true, encoding: .utf8)
            for (signal, status) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
                let result = try TestSupport.runConcord(["tmx", "convert", "big.tmx", "-o", "out.tmx"], in: directory, signal: signal, after: 0.5)
                #expect(result.status == status, "\(signal): \(result.stderr)")
                #expect(result.stderr.contains("interrupted"))
                let left = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") || $0 == "out.tmx" }
                #expect(left.isEmpty, "\(left)")
            }
        }
    }
}
