import GRDB
import LvzhiCore

/// Keeps a script run one transaction, whatever happens inside it.
///
/// Added to the run's connection as a GRDB transaction observer for the duration of the
/// script. It refuses every commit until the runner itself commits at the end, so a `COMMIT`
/// that reached the connection by any path (a hatch bug, a plugin) fails instead of keeping
/// the writes made so far. It also notices when SQLite ended the transaction by itself (e.g. a
/// rollback after `SQLITE_NOMEM`): GRDB then refuses every further statement of the block
/// ("Transaction was aborted"), and the runner fails the run even if the script swallowed
/// those errors with `pcall`.
final class RunTransactionGuard: TransactionObserver {
    /// Set by the runner just before it commits.
    var allowsCommit = false
    /// Whether the transaction ended (committed or rolled back) before the runner ended it.
    private(set) var endedEarly = false
    /// Whether that was a refused commit (SQLite turns a refused commit into a rollback).
    private var refusedCommit = false
    /// Called once when the transaction ends early (the runner stops the script).
    var onEndedEarly: () -> Void = {}

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { false }
    func databaseDidChange(with event: DatabaseEvent) {}

    func databaseWillCommit() throws {
        guard allowsCommit else {
            refusedCommit = true
            throw LvzhiError(.permissionDenied, "脚本运行中不能提交事务：一次运行是一个事务，只在脚本正常结束时提交",
                             hint: "不要在脚本中执行 COMMIT；出错或 --dry-run 时全部修改都会撤销")
        }
    }

    func databaseDidCommit(_ db: Database) { endEarly() }
    func databaseDidRollback(_ db: Database) { endEarly() }

    private func endEarly() {
        guard !allowsCommit, !endedEarly else { return }
        endedEarly = true
        onEndedEarly()
    }

    /// The error of a run whose transaction ended before the script did.
    var endedEarlyError: LvzhiError {
        let why = refusedCommit ? "有语句试图在脚本运行中提交事务（COMMIT），已被拒绝，SQLite 因此回滚了整个事务"
                                : "SQLite 提前结束了本次运行的事务（如内存不足）"
        return LvzhiError(.storage, "\(why)；脚本已停止，本次运行的所有修改均已撤销",
                          hint: refusedCommit ? "脚本不能自己提交：一次运行是一个事务，正常结束即提交"
                                              : "缩小查询或操作的规模，或用 --max-memory 调高上限后重试")
    }
}
