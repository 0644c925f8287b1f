#if canImport(Glibc)
import Glibc
#endif

/// Workers that are not thread-safe (ICU iterators and matchers, stemmers, search
/// buffers) lent to one call at a time, so that the object owning the pool can be
/// shared between tasks. A call takes an idle worker, or makes one when all are
/// busy, and gives it back when done; at most as many workers exist as calls ran
/// at once.
public final class ScratchPool<Worker>: @unchecked Sendable {
    // Safe because `idle` is only touched while holding `mutex`, and a worker taken out of
    // it is used by the one call that took it until that call puts it back. A pthread mutex
    // (not Synchronization's Mutex) so that the thread sanitizer sees the ordering.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var idle: [Worker]
    private let make: () throws -> Worker

    /// A pool that makes workers with `make`; `first` (already made, to surface errors early) is lent first.
    public init(first: Worker, make: @escaping () throws -> Worker) {
        mutex = UnsafeMutablePointer.allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        idle = [first]
        self.make = make
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with a worker no other call uses meanwhile.
    public func withWorker<Result>(_ body: (Worker) throws -> Result) throws -> Result {
        let worker = try take()
        defer { putBack(worker) }
        return try body(worker)
    }

    private func take() throws -> Worker {
        pthread_mutex_lock(mutex)
        let taken = idle.popLast()
        pthread_mutex_unlock(mutex)
        return try taken ?? make()
    }

    private func putBack(_ worker: Worker) {
        pthread_mutex_lock(mutex)
        idle.append(worker)
        pthread_mutex_unlock(mutex)
    }
}
