import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// A map over an array on every core, results in the order of the elements: the per-unit checks
/// of a batch are independent of one another.
enum ParallelMap {
    static func map<Element: Sendable, Result: Sendable>(_ elements: [Element], _ transform: @Sendable (Element) throws -> Result) throws -> [Result] {
        let workers = min(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), max(1, elements.count / 16))
        guard workers > 1 else { return try elements.map(transform) }
        let slots = Slots<Result>(count: elements.count, workers: workers)
        defer { slots.release() }
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            do {
                // Interleaved, so that long and short units share out evenly.
                for index in stride(from: worker, to: elements.count, by: workers) { slots.results[index] = try transform(elements[index]) }
            } catch {
                slots.errors[worker] = error
            }
        }
        if let error = slots.errors.lazy.compactMap({ $0 }).first { throw error }
        return slots.results.map { $0! }
    }

    /// Result slots written by one worker each (disjoint indices), read after all have finished.
    private final class Slots<Result>: @unchecked Sendable {
        let results: UnsafeMutableBufferPointer<Result?>
        let errors: UnsafeMutableBufferPointer<Error?>

        init(count: Int, workers: Int) {
            results = .allocate(capacity: count)
            results.initialize(repeating: nil)
            errors = .allocate(capacity: workers)
            errors.initialize(repeating: nil)
        }

        func release() {
            _ = results.deinitialize()
            results.deallocate()
            _ = errors.deinitialize()
            errors.deallocate()
        }
    }
}
