/// A result that one iteration of `DispatchQueue.concurrentPerform` sets and the caller reads
/// after it returns (each box is written by one iteration only, and read after all have ended).
final class ResultBox<Value>: @unchecked Sendable {
    var value: Value?
}
