#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C (SIGINT) and SIGTERM: say so and end with 130 or 143. Nothing is left
/// half-written: outputs are unnamed temporary files until they are complete
/// (the kernel drops them), and a store changes only in transactions that
/// SQLite rolls back when a writer dies part-way.
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
    }
}

/// Only async-signal-safe calls here: write(2) and _exit(2).
private func onSignal(_ number: Int32) {
    let message = "\nconcord: interrupted; no output was written and stores keep what was committed before\n"
    message.utf8CString.withUnsafeBufferPointer { buffer in
        _ = write(2, buffer.baseAddress, buffer.count - 1)
    }
    _exit(128 + number)
}
