import Foundation
import GRDB
import Testing

/// The script worker dies with the `lvzhi run`/`eval` process that supervises it, however
/// that process is stopped, and the database is free for the next writer at once.
@Suite("脚本工作进程随父进程结束", .serialized)
struct WorkerLifetimeTests {
    /// The process IDs whose parent is `parent` (from /proc).
    static func children(of parent: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { pid_t($0) }.filter { status(of: $0)?.parent == parent }
    }

    /// The state letter and parent of process `pid` (nil: no such process).
    static func status(of pid: pid_t) -> (state: Character, parent: pid_t)? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 2, let state = fields[0].first, let parent = pid_t(fields[1]) else { return nil }
        return (state, parent)
    }

    /// Whether `pid` still runs (a zombie holds no locks and uses no CPU).
    static func isRunning(_ pid: pid_t) -> Bool {
        guard let status = status(of: pid) else { return false }
        return status.state != "Z" && status.state != "X"
    }

    /// Polls `condition` until it holds or `seconds` pass.
    static func eventually(within seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }

    @Test("父进程被 SIGINT、SIGTERM、SIGKILL 结束后，工作进程也结束，写锁立即释放", arguments: [SIGINT, SIGTERM, SIGKILL])
    func workerDiesWithItsParent(signal: Int32) throws {
        let cli = try CommandLineRunner.withOrganisation([["modules", "enable", "notices", "--office", "ordos"]])
        let parent = try SpawnedProcess(["eval", "lvzhi.notices.publish{ title = '孤儿', body = '正文' } print('ready') while true do end",
                                         "--office", "ordos", "--timeout", "600"], cli: cli)
        // Wait until the worker holds the write transaction and spins.
        guard Self.eventually(within: 120, { parent.stdout.contains("ready") }) else {
            kill(parent.pid, SIGKILL)
            _ = try parent.wait()
            Issue.record("脚本没有开始运行：\(parent.stderr)")
            return
        }
        let workers = Self.children(of: parent.pid)
        #expect(workers.count == 1)
        guard let worker = workers.first else { kill(parent.pid, SIGKILL); _ = try parent.wait(); return }
        #expect(Self.isRunning(worker))

        kill(parent.pid, signal)
        let ending = try parent.wait()
        let dead = Self.eventually(within: 10) { !Self.isRunning(worker) }
        if !dead { kill(worker, SIGKILL) }
        #expect(dead, "父进程收到信号 \(signal) 后，工作进程 \(worker) 仍在运行")
        if signal == SIGKILL {
            #expect(ending.signal == SIGKILL)
        } else {
            // The parent passed the signal on, waited for the worker, and said so.
            #expect(ending.status == 128 + signal)
            #expect(parent.stderr.contains("脚本运行已被中断"), "\(parent.stderr)")
        }

        // The write lock is free: an immediate transaction gets it within a one-second busy timeout.
        var configuration = Configuration()
        configuration.busyMode = .timeout(1)
        let queue = try DatabaseQueue(path: cli.database, configuration: configuration)
        try queue.inDatabase { db in
            try db.inTransaction(.immediate) {
                try db.execute(sql: "UPDATE offices SET name = name WHERE code = 'ordos'")
                return .commit
            }
        }
        try queue.close()
        // And lvzhi writes as usual; the stopped run left nothing behind.
        #expect(try cli.run(["notice", "publish", "--office", "ordos", "--title", "之后的通知"]).status == 0)
        let list = try cli.run(["notice", "list", "--office", "ordos"])
        #expect(list.stdout.contains("之后的通知"))
        #expect(!list.stdout.contains("孤儿"))
    }

    @Test("父进程启动时就忽略的信号（nohup、后台任务）照样被忽略，不转给工作进程")
    func ignoredSignalsStayIgnored() throws {
        let cli = try CommandLineRunner.withOrganisation()
        // `sh -c 'trap "" HUP; exec lvzhi …'`: started with SIGHUP ignored, as nohup does.
        let parent = try SpawnedProcess.shell("trap '' HUP; exec \"$0\" eval \"print('ready') while true do end\" --office ordos --timeout 600", cli: cli)
        guard Self.eventually(within: 120, { parent.stdout.contains("ready") }) else {
            kill(parent.pid, SIGKILL)
            _ = try parent.wait()
            Issue.record("脚本没有开始运行：\(parent.stderr)")
            return
        }
        let worker = Self.children(of: parent.pid).first
        kill(parent.pid, SIGHUP)
        usleep(300_000)
        #expect(Self.isRunning(parent.pid))
        #expect(worker.map(Self.isRunning) == true)
        kill(parent.pid, SIGTERM)
        let ending = try parent.wait()
        #expect(ending.status == 128 + SIGTERM)
        #expect(Self.eventually(within: 10) { worker.map { !Self.isRunning($0) } ?? true })
    }
}
