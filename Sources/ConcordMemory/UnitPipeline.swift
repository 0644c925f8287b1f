import Foundation

/// Hands batches from one producer thread to one consumer, a few batches at
/// most in flight (so memory stays bounded whatever the input size). The
/// producer's error, if any, reaches the consumer after the batches before it;
/// the consumer can cancel, and the producer then stops at its next push.
/// Safe to share: every stored property is read and written only while holding `condition`.
final class UnitPipeline<Item>: @unchecked Sendable {
    private let condition = NSCondition()
    private var ready: [[Item]] = []
    private var finished = false
    private var failure: Error?
    private var cancelled = false
    private let capacity: Int

    init(capacity: Int = 4) {
        self.capacity = capacity
    }

    /// Waits for room and queues `batch`; false once the consumer has cancelled.
    func push(_ batch: [Item]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while ready.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        ready.append(batch)
        condition.broadcast()
        return true
    }

    /// The producer is done: cleanly (`error` nil) or with `error`.
    func finish(error: Error?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch; nil at the end; throws the producer's error once the batches before it are taken.
    func pop() throws -> [Item]? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && !finished { condition.wait() }
        if !ready.isEmpty {
            let batch = ready.removeFirst()
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    /// The consumer stops taking batches; a waiting producer is released.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
