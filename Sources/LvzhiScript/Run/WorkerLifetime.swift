import CLuaShim
import Foundation

/// Ties the script worker's life to its supervising parent (see `ScriptWorker` in the CLI).
///
/// A worker holds the database's write transaction for the whole run; if it outlived its
/// parent (stopped by Ctrl-C, `kill`, or `kill -9`), it would go on running — re-parented to
/// PID 1 — and lock every other writer out. So the worker asks the kernel to kill it when the
/// parent dies (`prctl(PR_SET_PDEATHSIG, SIGKILL)`) and checks that the parent is still there,
/// and the parent passes SIGINT, SIGTERM and SIGHUP on to the worker and waits for it.
public enum WorkerLifetime {
    /// In the worker: die when the parent `parent` dies; exits at once if it already has.
    public static func dieWithParent(_ parent: pid_t) {
        switch lvz_die_with_parent(parent) {
        case 0: return
        case 1: _exit(1)  // the parent is gone: nobody waits for this run, and it has not begun
        default:
            FileHandle.standardError.write(Data("错误：无法让脚本进程随父进程结束（prctl 失败：\(String(cString: strerror(errno)))）\n".utf8))
            _exit(1)
        }
    }

    /// In the parent: from now on pass SIGINT, SIGTERM and SIGHUP on to `child` instead of
    /// ending this process.
    public static func forwardTerminationSignals(to child: pid_t) {
        lvz_forward_termination_signals(child)
    }

    /// The last signal passed on to the child (nil: none).
    public static var forwardedSignal: Int32? {
        let signal = lvz_forwarded_signal()
        return signal == 0 ? nil : signal
    }
}
