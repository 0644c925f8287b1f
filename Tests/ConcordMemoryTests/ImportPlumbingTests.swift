import ConcordTestSupport
import Foundation
import Testing
@testable import ConcordMemory

/// The parts an import's two threads share: the token-key table and the batch pipeline.
@Suite struct ImportPlumbingTests {
    @Test func tokenKeyTableFindsEveryKeyItHoldsAndNoOther() {
        var table = TokenKeyTable()
        var generator = SeededGenerator.fromEnvironment()
        let seed = generator.description
        let alphabet = Array("abcдежз中文{}".unicodeScalars)
        var keys: [String] = [""]
        var seen: Set<String> = [""]
        // Lengths either side of the 16 bytes a slot holds inline.
        while keys.count < 5_000 {
            let length = Int.random(in: 1...14, using: &generator)
            let key = String(String.UnicodeScalarView((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
            if seen.insert(key).inserted { keys.append(key) }
        }
        for (id, key) in keys.enumerated() {
            var key = key
            key.withUTF8 { table.insert($0, id: Int32(id)) }
        }
        #expect(table.count == keys.count)
        for (id, key) in keys.enumerated() {
            var key = key
            #expect(key.withUTF8 { table.id(of: $0) } == Int32(id), "\(seed)")
        }
        for probe in ["zz", "абвгдеёжзийклмнопрст", "a"] where !seen.contains(probe) {
            var probe = probe
            #expect(probe.withUTF8 { table.id(of: $0) } == nil)
        }
    }

    @Test func pipelineDeliversInOrderThenTheProducersError() throws {
        struct Broken: Error {}
        let pipeline = UnitPipeline<Int>(capacity: 2)
        let done = DispatchSemaphore(value: 0)
        Thread {
            for batch in 0..<10 { _ = pipeline.push([batch]) }
            pipeline.finish(error: Broken())
            done.signal()
        }.start()
        var received: [Int] = []
        #expect(throws: Broken.self) {
            while let batch = try pipeline.pop() { received += batch }
        }
        done.wait()
        #expect(received == Array(0..<10))
    }

    @Test func cancellingReleasesAWaitingProducer() throws {
        let pipeline = UnitPipeline<Int>(capacity: 1)
        let done = DispatchSemaphore(value: 0)
        let pushed = Counter()
        Thread {
            for batch in 0..<1_000 {
                guard pipeline.push([batch]) else { break }
                pushed.value += 1
            }
            pipeline.finish(error: nil)
            done.signal()
        }.start()
        _ = try pipeline.pop()
        pipeline.cancel()
        // The producer stops at its next push instead of waiting for room forever.
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(pushed.value < 1_000)
    }

    private final class Counter: @unchecked Sendable { var value = 0 }
}
