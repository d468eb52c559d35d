import Foundation

/// Calls `fire` once `seconds` have passed, unless cancelled first. After ``cancel()``
/// returns, `fire` is guaranteed not to run (both take the same lock), so the state it
/// stops is still alive whenever it does run.
///
/// The watchdog costs nothing while the script runs: it only *arms* the stop hook when the
/// deadline comes (`lua_sethook` is safe to call from another thread, as lua.c does from
/// its Ctrl-C handler).
final class Watchdog: @unchecked Sendable {
    private let condition = NSCondition()
    private var finished = false

    init(seconds: Double, fire: @escaping @Sendable () -> Void) {
        let deadline = Date().addingTimeInterval(seconds)
        let thread = Thread { [self] in
            condition.lock()
            defer { condition.unlock() }
            while !finished {
                if !condition.wait(until: deadline) { break }
            }
            if !finished { fire() }
        }
        thread.name = "lvzhi-watchdog"
        thread.start()
    }

    /// Stops the watchdog; `fire` will not run after this returns.
    func cancel() {
        condition.lock()
        finished = true
        condition.signal()
        condition.unlock()
    }
}
