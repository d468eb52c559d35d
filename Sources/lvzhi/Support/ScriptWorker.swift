import Foundation
import LvzhiScript

/// Runs a script command in a child process and enforces the wall-clock limit from outside.
///
/// Inside the child, the watchdog stops Lua code at the deadline by arming the hook. But no
/// hook fires while the script is inside one long C library call (a backtracking
/// `string.find` can take minutes), so the parent ends the child if it is still running a
/// short grace period after the deadline. Killing it is safe: the run is one SQLite
/// transaction, and an uncommitted transaction leaves the database exactly as it was.
/// A worker process (rather than a pattern matcher of our own with a step budget) stops
/// *every* C call the same way, and keeps the Lua state out of the supervising process.
enum ScriptWorker {
    /// Set in the child's environment.
    static let environmentKey = "LVZHI_SCRIPT_WORKER"
    /// How long after the deadline the parent waits for the child to stop by itself.
    static let grace = 2.0

    /// Whether this process is the worker.
    static var isWorker: Bool { ProcessInfo.processInfo.environment[environmentKey] == "1" }

    /// Re-runs this command line as a worker and exits with its status (never returns).
    static func supervise(timeout: Double) throws -> Never {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = Array(CommandLine.arguments.dropFirst())
        var environment = ProcessInfo.processInfo.environment
        environment[environmentKey] = "1"
        process.environment = environment
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + timeout + grace) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            Output.note("错误：脚本运行超过时间限制（\(ScriptLimits.seconds(timeout)) 秒），且停在一次耗时的库函数调用中（如复杂的模式匹配），已强制结束；本次运行的所有修改均已撤销（可用 --timeout 调整）")
            exit(1)
        }
        if process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGPIPE {
            exit(128 + SIGPIPE)  // the reader went away (e.g. `| head`): end quietly, as other tools do
        }
        if process.terminationReason == .uncaughtSignal {
            Output.note("错误：脚本进程因信号 \(process.terminationStatus) 结束；本次运行的所有修改均已撤销")
            exit(1)
        }
        exit(process.terminationStatus)
    }
}
