import Foundation
import GRDB
import Testing

/// `lvzhi.db.query` through the real binary: refusals, `--dry-run` leaving the file as it was,
/// and `--max-memory` bounding what SQL allocates, measured from outside the process.
@Suite("只读 SQL 与内存上限（命令行）")
struct ReadOnlySQLCommandLineTests {
    /// Every committed byte of the database: the WAL copied into the main file (RESTART keeps
    /// the WAL file's size), through a connection the test keeps open.
    static func fileBytes(_ queue: DatabaseQueue) throws -> Data {
        try queue.writeWithoutTransaction { db in _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(RESTART)") }
        return try Data(contentsOf: URL(fileURLWithPath: queue.path))
    }

    /// A connection to `path` that keeps a non-empty WAL file in place. GRDB's pool, when it
    /// opens a file whose WAL is missing or empty, creates and drops a table to make one
    /// (GRDB issue 102), which changes the header of the file even for a read-only command;
    /// with a WAL in place, a run that writes nothing changes no byte.
    static func holdingTheWAL(_ path: String) throws -> DatabaseQueue {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "CREATE TABLE wal_probe (id INTEGER PRIMARY KEY); DROP TABLE wal_probe")
        }
        return queue
    }

    @Test("lvzhi.db.query('COMMIT') 被拒绝；--dry-run 后数据库文件逐字节不变；失败的脚本不留下写入")
    func commitIsRefusedAndDryRunKeepsTheFile() throws {
        let cli = try CommandLineRunner.withOrganisation([["modules", "enable", "notices", "--office", "ordos"]])
        let queue = try Self.holdingTheWAL(cli.database)
        let before = try Self.fileBytes(queue)
        let refused = try cli.run(["eval", "lvzhi.notices.publish{title=\"x\",body=\"b\"} lvzhi.db.query(\"COMMIT\") return 1", "--dry-run", "--office", "ordos"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("lvzhi.db.query 只允许读取本数据库的表，拒绝事务控制语句「COMMIT」"), "\(refused.stderr)")
        let swallowed = try cli.run(["eval", """
            lvzhi.notices.publish{title="x",body="b"}
            for _, sql in ipairs{"COMMIT", "END", "SAVEPOINT a", "RELEASE a", "PRAGMA query_only=1", "PRAGMA writable_schema = 1", "VACUUM", "SELECT 1 AS a; COMMIT"} do
              assert(not pcall(lvzhi.db.query, sql))
            end
            lvzhi.members.add{ name = "李四", gender = "男", sector = "经济界" }
            return lvzhi.db.query("SELECT COUNT(*) AS n FROM notices")[1].n
            """, "--dry-run", "--office", "ordos"])
        #expect(swallowed.status == 0, "\(swallowed.stderr)")
        #expect(swallowed.stdout == "1\n")
        #expect(swallowed.stderr.contains("试运行"))
        #expect(try Self.fileBytes(queue) == before)
        let failed = try cli.run(["eval", "lvzhi.notices.publish{title=\"x\",body=\"b\"} pcall(lvzhi.db.query, \"COMMIT\") error(\"之后失败\")", "--office", "ordos"])
        #expect(failed.status == 1)
        #expect(try Self.fileBytes(queue) == before)
        let attached = cli.folder.appendingPathComponent("outside.db").path
        let attach = try cli.run(["eval", "lvzhi.db.query(\"ATTACH DATABASE '\(attached)' AS e\")", "--office", "ordos"])
        #expect(attach.stderr.contains("附加数据库"))
        #expect(!FileManager.default.fileExists(atPath: attached))
    }

    @Test("参数个数不对：一条中文错误，不是崩溃")
    func wrongArgumentCountIsAnError() throws {
        let cli = try CommandLineRunner.withOrganisation()
        let result = try cli.run(["eval", "lvzhi.db.query(\"select 1 as a\", 5)", "--office", "ordos"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("lvzhi.db.query 的参数个数不对：SQL 中有 0 个占位符（?），却给了 1 个参数"), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test("--max-memory：超大的值、两百万行的结果、SQLite 自己的堆都以内存上限停止，进程的峰值内存远低于原来的数 GB", arguments: [
        ("return #lvzhi.db.query[[select hex(randomblob(400000000)) as n]]", 32),
        ("return #lvzhi.db.query[[with recursive c(x) as (select 1 union all select x + 1 from c where x < 2000000) select x, printf('%020d', x) as t from c]]", 32),
        // Each blob is under the length limit (the cap) and never copied into Lua; together
        // they pass SQLite's heap limit, which only the worker sets.
        ("return #lvzhi.db.query[[select randomblob(15000000) as a, randomblob(15000000) as b]]", 20),
    ])
    func memoryCapBoundsSQL(code: String, megabytes: Int) throws {
        let cli = try CommandLineRunner.withOrganisation()
        let cap = String(megabytes)
        let baseline = try SpawnedProcess.run(["eval", "return #lvzhi.db.query[[select 1 as n]]", "--office", "ordos", "--max-memory", cap], cli: cli)
        #expect(baseline.ending.status == 0, "\(baseline.stderr)")
        let result = try SpawnedProcess.run(["eval", code, "--office", "ordos", "--max-memory", cap], cli: cli)
        #expect(result.ending.status == 1)
        #expect(result.stderr.contains("脚本使用的内存超过上限（\(cap) MB），已停止"), "\(result.stderr)")
        #expect(result.stderr.contains("--max-memory"))
        // The Lua cap, SQLite's heap limit and one row in flight: a few times the cap above
        // what the same command needs for a one-row query (it was 2.77 GB and 599 MB).
        let peak = result.ending.peakResident, base = baseline.ending.peakResident
        #expect(peak < base + 4 * (megabytes << 20), "峰值 \(peak >> 20) MB，基线 \(base >> 20) MB")
    }

    @Test("事件处理脚本的 SQL 同样受内存上限约束（在命令自己的进程中运行，上限只在处理期间生效）；命令本身照常完成")
    func handlerSQLIsBounded() throws {
        let cli = try CommandLineRunner.withOrganisation()
        // One small row back, but SQLite sorts 600 MB in memory to produce it.
        let handler = try cli.file("h.lua", Data("""
            local function array(n) local t = {} for i = 1, n do t[i] = i end return "[" .. table.concat(t, ",") .. "]" end
            lvzhi.on('member.added', function()
              print(lvzhi.db.query([[select count(*) as n from (select randomblob(1000) as b from json_each(?) x, json_each(?) y order by b)]],
                                   array(1000), array(600))[1].n)
            end)
            """.utf8))
        #expect(try cli.run(["script", "add", "大查询", handler, "--office", "ordos", "--kind", "handler", "--event", "member.added"]).status == 0)
        let baseline = try SpawnedProcess.run(["member", "list", "--office", "ordos"], cli: cli)
        let added = try SpawnedProcess.run(["member", "add", "--office", "ordos", "--name", "王五", "--gender", "男", "--sector", "经济界"], cli: cli)
        #expect(added.ending.status == 0, "\(added.stderr)")
        #expect(added.stderr.contains("自动化脚本「大查询」"), "\(added.stderr)")
        let failures = try cli.run(["script", "failures", "--office", "ordos"]).stdout
        #expect(failures.contains("内存超过上限（256 MB）"), "\(failures)")
        #expect(try cli.run(["eval", "lvzhi.members.count{}"]).stdout == "2\n")
        // Handlers' default cap is 256 MB; unbounded, the sort took 600 MB and the handler succeeded.
        let peak = added.ending.peakResident, base = baseline.ending.peakResident
        #expect(peak < base + 2 * (256 << 20), "峰值 \(peak >> 20) MB，基线 \(base >> 20) MB")
    }
}
