import ConcordTestSupport
import Foundation
import Testing

/// Which files count as stores, and stores that may only be read.
@Suite struct StoreFileTests {
    static let memory = TMStoreCommandTests.memory

    /// Runs python3 with sqlite3 to make or inspect databases the way another program would.
    static func python(_ script: String, in directory: URL) throws -> String {
        let result = try OutputSafetyTests.shell("python3 -c \"\(script)\"", in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func withMemory(_ body: (URL) throws -> Void) throws {
        let directory = try TestSupport.temporaryDirectory()
        defer {
            _ = try? OutputSafetyTests.shell("chmod -R u+w .", in: directory)
            try? FileManager.default.removeItem(at: directory)
        }
        try Self.memory.write(to: directory.appendingPathComponent("m.tmx"), atomically: true, encoding: .utf8)
        try body(directory)
    }

    @Test func filesThatAreNotStoresAreRefusedAndLeftAlone() throws {
        try withMemory { directory in
            try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }).write(to: directory.appendingPathComponent("random.db"))
            _ = FileManager.default.createFile(atPath: directory.appendingPathComponent("empty.db").path, contents: Data())
            _ = try Self.python("import sqlite3; c=sqlite3.connect('other.db'); c.execute('create table notes(x)'); c.commit(); c=sqlite3.connect('app.db'); c.execute('pragma application_id=42'); c.execute('create table t(x)'); c.commit()", in: directory)
            for (file, words) in [("m.tmx", "this is a TMX file: use --tm"), ("random.db", "binary"), ("empty.db", "empty"),
                                  ("other.db", "without Concord's tables"), ("app.db", "another program's")] {
                let before = try Data(contentsOf: directory.appendingPathComponent(file))
                for command in [["tm", "stats", "--db", file], ["tm", "export", "--db", file, "-o", "out.tmx"],
                                ["tm", "lookup", "Talks ended.", "--db", file, "--from", "en", "--to", "ru"]] {
                    let result = try TestSupport.runConcord(command, directory: directory)
                    #expect(result.status == 65, "\(command): \(result.stderr)")
                    #expect(result.stderr.contains(words), "\(command): \(result.stderr)")
                }
                if file != "empty.db" {
                    let imported = try TestSupport.runConcord(["tm", "import", "m.tmx", "--db", file], directory: directory)
                    #expect(imported.status == 65, "\(file): \(imported.stderr)")
                }
                #expect(try Data(contentsOf: directory.appendingPathComponent(file)) == before, "\(file) was changed")
            }
            #expect(try TestSupport.runConcord(["tm", "stats", "--db", "missing.db"], directory: directory).status == 66)
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("missing.db").path))
        }
    }

    @Test func storesAreStampedAndUnstampedOnesAdopted() throws {
        try withMemory { directory in
            #expect(try TestSupport.runConcord(["tm", "import", "m.tmx", "--db", "s.db"], directory: directory).status == 0)
            let stamp = "import sqlite3; print(sqlite3.connect('s.db').execute('pragma application_id').fetchone()[0])"
            #expect(try Self.python(stamp, in: directory) == String(0x436E_6364))
            // A store made before stamps existed is still a store, and is stamped when next written.
            _ = try Self.python("import sqlite3; c=sqlite3.connect('s.db'); c.execute('pragma application_id=0'); c.commit()", in: directory)
            #expect(try TestSupport.runConcord(["tm", "stats", "--db", "s.db"], directory: directory).stdout.contains("units: 2"))
            #expect(try TestSupport.runConcord(["tm", "import", "m.tmx", "--db", "s.db"], directory: directory).status == 0)
            #expect(try Self.python(stamp, in: directory) == String(0x436E_6364))
        }
    }

    @Test func aReadOnlyStoreCanBeRead() throws {
        guard getuid() == 0 else { return }     // runs the reader as nobody; only root can switch
        try withMemory { directory in
            #expect(try TestSupport.runConcord(["tm", "import", "m.tmx", "--db", "ro/s.db"], directory: directory).status != 0)
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("ro"), withIntermediateDirectories: true)
            #expect(try TestSupport.runConcord(["tm", "import", "m.tmx", "--db", "ro/s.db"], directory: directory).status == 0)
            _ = try OutputSafetyTests.shell("chmod 755 . && chmod 444 ro/s.db && chmod 555 ro && rm -f ro/s.db-wal ro/s.db-shm", in: directory)
            let nobody = "setpriv --reuid=65534 --regid=65534 --clear-groups $CONCORD"
            let stats = try OutputSafetyTests.shell("\(nobody) tm stats --db ro/s.db", in: directory)
            #expect(stats.status == 0, "\(stats.stderr)")
            #expect(stats.stdout.contains("units: 2"))
            let lookup = try OutputSafetyTests.shell("\(nobody) tm lookup 'Talks ended.' --db ro/s.db --from en --to zh --json", in: directory)
            #expect(lookup.stdout.contains("会谈结束。"), "\(lookup.stderr)")
            let write = try OutputSafetyTests.shell("\(nobody) tm import m.tmx --db ro/s.db", in: directory)
            #expect(write.status == 73)
            #expect(write.stderr.contains("read-only"))
        }
    }

    @Test func aFullDiskLeavesTheStoreAsItWas() throws {
        guard getuid() == 0 else { return }     // needs a small file system of its own (tmpfs, as root)
        try withMemory { directory in
            let disk = directory.appendingPathComponent("disk")
            try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
            guard try OutputSafetyTests.shell("mount -t tmpfs -o size=1m tmpfs disk", in: directory).status == 0 else { return }
            defer { _ = try? OutputSafetyTests.shell("umount -l disk", in: directory) }
            #expect(try TestSupport.runConcord(["tm", "import", "m.tmx", "--db", "disk/s.db"], directory: directory).status == 0)
            var units = ""
            for number in 0..<20_000 {
                units += "<tu><tuv xml:lang=\"en\"><seg>Sentence \(number) of a long release.</seg></tuv><tuv xml:lang=\"ru\"><seg>Предложение \(number).</seg></tuv></tu>\n"
            }
            try (Self.memory.components(separatedBy: "<body>")[0] + "<body>\n" + units + "</body></tmx>\n")
                .write(to: directory.appendingPathComponent("big.tmx"), atomically: true, encoding: .utf8)
            let full = try TestSupport.runConcord(["tm", "import", "big.tmx", "--db", "disk/s.db"], directory: directory)
            #expect(full.status == 74)
            #expect(full.stderr.contains("disk is full"))
            #expect(try TestSupport.runConcord(["tm", "stats", "--db", "disk/s.db"], directory: directory).stdout.contains("units: 2"))
            let wal = (try? FileManager.default.attributesOfItem(atPath: disk.appendingPathComponent("s.db-wal").path)[.size] as? Int) ?? 0
            #expect(wal == 0)
        }
    }

    @Test func aFailedFirstImportLeavesNoStore() throws {
        try withMemory { directory in
            try Data([0, 1, 2, 0xFF, 0]).write(to: directory.appendingPathComponent("binary.tmx"))
            for input in ["missing.tmx", "binary.tmx"] {
                let result = try TestSupport.runConcord(["tm", "import", input, "--db", "new.db"], directory: directory)
                #expect(result.status != 0)
                let left = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix("new.db") }
                #expect(left.isEmpty, "\(input): \(left)")
            }
            // A zero-byte file (as mktemp makes) is left as it was.
            _ = FileManager.default.createFile(atPath: directory.appendingPathComponent("zero.db").path, contents: Data())
            #expect(try TestSupport.runConcord(["tm", "import", "binary.tmx", "--db", "zero.db"], directory: directory).status == 65)
            #expect(try Data(contentsOf: directory.appendingPathComponent("zero.db")).isEmpty)
            // Files imported before the failing one stay.
            let partial = try TestSupport.runConcord(["tm", "import", "m.tmx", "binary.tmx", "--db", "new.db"], directory: directory)
            #expect(partial.status == 65)
            #expect(try TestSupport.runConcord(["tm", "stats", "--db", "new.db"], directory: directory).stdout.contains("units: 2"))
        }
    }

    @Test func anInterruptedFirstImportLeavesNoStore() throws {
        try withMemory { directory in
            var units = ""
            for number in 0..<300_000 {
                units += "<tu><tuv xml:lang=\"en\"><seg>Sentence \(number) of a long release.</seg></tuv><tuv xml:lang=\"ru\"><seg>Предложение \(number).</seg></tuv></tu>\n"
            }
            try (Self.memory.components(separatedBy: "<body>")[0] + "<body>\n" + units + "</body></tmx>\n")
                .write(to: directory.appendingPathComponent("big.tmx"), atomically: true, encoding: .utf8)
            let result = try TestSupport.runConcord(["tm", "import", "big.tmx", "--db", "new.db"], in: directory, signal: SIGTERM, after: 0.5)
            #expect(result.status == 143, "\(result.stderr)")
            #expect(result.stderr.contains("interrupted; 0 of 1 file imported"))
            let left = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix("new.db") }
            #expect(left.isEmpty, "\(left)")
        }
    }
}
