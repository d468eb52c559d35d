import LvzhiCommandLine
import Foundation
import LvzhiScript
import LvzhiStorage

/// Runs a script command in a child process and enforces the wall-clock limit from outside.
///
/// Inside the child, the watchdog stops Lua code at the deadline by arming the hook. But no
/// hook fires while the script is inside one long C library call (a backtracking
/// `string.find` can take minutes), so the parent ends the child if it is still running a
/// short grace period after the deadline. Killing it is safe: the run is one SQLite
/// transaction, and an uncommitted transaction leaves the database exactly as it was.
/// A worker process (rather than a pattern matcher of our own with a step budget) stops
/// *every* C call the same way, and keeps the Lua state out of the supervising process.
///
/// The worker never outlives the parent: it asks the kernel for SIGKILL when the parent dies
/// and checks the parent is still there; the parent passes SIGINT, SIGTERM and SIGHUP on to
/// it and waits for it (``WorkerLifetime``). Since the worker does nothing but the one run,
/// it also caps SQLite's process-wide heap at the run's memory cap.
enum ScriptWorker {
    /// Set in the child's environment to the parent's process ID.
    static let environmentKey = "LVZHI_SCRIPT_WORKER"
    /// How long after the deadline the parent waits for the child to stop by itself.
    static let grace = 2.0

    /// The supervising parent's process ID, when this process is the worker.
    static var parentID: pid_t? {
        ProcessInfo.processInfo.environment[environmentKey].flatMap { pid_t($0) }
    }

    /// Whether this process is the worker.
    static var isWorker: Bool { parentID != nil }

    /// Where `run`, `eval` and `script run` begin: in the worker, binds its life to the parent
    /// and applies the process-wide limits, then returns; otherwise supervises a worker that
    /// runs this same command line, and exits with its status (never returns).
    static func enter(_ script: ScriptRunOptions) throws {
        guard let parent = parentID else { try supervise(timeout: script.timeout) }
        WorkerLifetime.dieWithParent(parent)
        if let heap = script.limits.sqliteHeapLimit { LvzhiDatabase.limitProcessHeap(to: heap) }
    }

    /// Re-runs this command line as a worker and exits with its status (never returns).
    static func supervise(timeout: Double) throws -> Never {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = Array(CommandLine.arguments.dropFirst())
        var environment = ProcessInfo.processInfo.environment
        environment[environmentKey] = String(getpid())
        process.environment = environment
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        // A signal that arrives before this line ends the parent; the worker then dies with it.
        WorkerLifetime.forwardTerminationSignals(to: process.processIdentifier)
        if finished.wait(timeout: .now() + timeout + grace) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            Output.note("错误：脚本运行超过时间限制（\(ScriptLimits.seconds(timeout)) 秒），且停在一次耗时的库函数调用中（如复杂的模式匹配），已强制结束；本次运行的所有修改均已撤销（可用 --timeout 调整）")
            exit(1)
        }
        if process.terminationReason == .uncaughtSignal {
            if let signal = WorkerLifetime.forwardedSignal { interrupted(by: signal) }
            if process.terminationStatus == SIGPIPE {
                exit(128 + SIGPIPE)  // the reader went away (e.g. `| head`): end quietly, as other tools do
            }
            Output.note("错误：脚本进程因信号 \(process.terminationStatus) 结束；本次运行的所有修改均已撤销")
            exit(1)
        }
        exit(process.terminationStatus)
    }

    /// The worker ended because this process passed it `signal` (Ctrl-C, `kill`): say so and
    /// exit as a process ended by that signal would be reported by a shell (128 + N).
    private static func interrupted(by signal: Int32) -> Never {
        let name = [SIGINT: "SIGINT（Ctrl-C）", SIGTERM: "SIGTERM", SIGHUP: "SIGHUP"][signal] ?? "信号 \(signal)"
        Output.note("脚本运行已被中断（\(name)）；本次运行的所有修改均已撤销")
        exit(128 + signal)
    }
}
