#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C (SIGINT) and SIGTERM: say so and end with 130 or 143. Nothing is left
/// half-written: outputs are unnamed temporary files until they are complete
/// (the kernel drops them), a store changes only in transactions that SQLite
/// rolls back when a writer dies part-way, and a store that the command created
/// and has not yet committed to is removed.
///
/// What the handler needs lives in C memory set up beforehand: a signal handler
/// may only make async-signal-safe calls (write, open, close, unlink, _exit).
enum Interruption {
    static func install() {
        // A shell starts a background job (`concord … &`) with SIGINT ignored, so that Ctrl-C
        // in the terminal does not reach it: keep it that way.
        let previous = signal(SIGINT, onSignal)
        if unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { signal(SIGINT, SIG_IGN) }
        signal(SIGTERM, onSignal)
        // A parent may have started us with these signals blocked (a thread's mask is inherited).
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        sigprocmask(SIG_UNBLOCK, &set, nil)
        say("no output was written and stores keep what was committed before")
    }

    /// On an interruption, remove the store at `path` (and its WAL files) that this command is
    /// creating; `emptyingOnly` truncates the main file instead (it was a zero-byte file before).
    static func undoOnInterrupt(store path: String, emptyingOnly: Bool) {
        let names: [String] = ["\(path)-wal", "\(path)-shm", path]
        InterruptionState.undo = names.map { strdup($0) }
        InterruptionState.truncatesLast = emptyingOnly
    }

    /// The store has a commit: it stays, whatever happens next.
    static func keepStore() {
        InterruptionState.undo = []
    }

    /// What the message says after "interrupted; ".
    static func say(_ text: String) {
        InterruptionState.message = strdup("\nconcord: interrupted; \(text)\n")
    }
}

/// Written only on the main thread before a signal can use it; read only by the handler.
private enum InterruptionState {
    nonisolated(unsafe) static var undo: [UnsafeMutablePointer<CChar>?] = []
    nonisolated(unsafe) static var truncatesLast = false
    nonisolated(unsafe) static var message: UnsafeMutablePointer<CChar>?
}

private func onSignal(_ number: Int32) {
    let undo = InterruptionState.undo
    for (index, path) in undo.enumerated() {
        guard let path else { continue }
        if index == undo.count - 1, InterruptionState.truncatesLast {
            let descriptor = open(path, O_WRONLY | O_TRUNC)
            if descriptor >= 0 { close(descriptor) }
        } else {
            unlink(path)
        }
    }
    if let message = InterruptionState.message { _ = write(2, message, strlen(message)) }
    _exit(128 + number)
}
