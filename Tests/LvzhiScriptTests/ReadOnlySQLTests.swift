import Foundation
import GRDB
import Testing
import LvzhiCore
import LvzhiStorage
import LvzhiTestSupport
@testable import LvzhiScript
import Notices

/// `lvzhi.db.query` on a real database: SQLite itself refuses everything but reads of the
/// database's own tables; reads see the run's own writes; memory and arguments fail cleanly.
@Suite("只读 SQL（lvzhi.db.query）")
final class ReadOnlySQLTests {
    let scratch: ScratchDatabase
    var host: LvzhiHost { scratch.host }
    var folder: URL { scratch.folder }

    init() throws {
        scratch = try ScratchDatabase(plugins: [NoticesPlugin.manifest], label: "sql")
        try scratch.office("ordos", "政协鄂尔多斯市委员会", term: 5)
        try SectorStore(host: host, context: scratch.admin).add(officeCode: "ordos", name: "经济界")
        for name in ["张伟", "乌兰", "巴特尔"] {
            try MemberStore(host: host, context: scratch.admin).add(officeCode: "ordos", MemberInput(name: name, gender: "男", sector: "经济界"))
        }
        try ModuleStore(host: host, context: scratch.admin).enable("notices", officeCode: "ordos")
        try host.write(as: scratch.admin) { tx in
            try tx.db.execute(sql: "CREATE VIRTUAL TABLE words_fts USING fts5(body, content='', tokenize='ascii')")
            try tx.db.execute(sql: "INSERT INTO words_fts(rowid, body) VALUES (1, 'wen shi'), (2, 'ti an')")
        }
    }

    /// A module whose function ends the run's transaction behind the runner's back, as a bug
    /// in the hatch or a plugin could.
    static let rogue = ScriptModule(name: "rogue", moduleID: nil, summary: "测试用", functions: [
        ScriptFunction("commit", summary: "直接提交事务") { session, _ in
            try session.tx.db.execute(sql: "COMMIT")
            return 0
        },
    ])

    func runner(dryRun: Bool = false, maxMemory: Int = 64 << 20) throws -> ScriptRunner {
        ScriptRunner(host: host, context: scratch.admin, modules: CoreScriptAPI.modules + [NoticesScriptAPI.module, Self.rogue],
                     limits: ScriptLimits(timeout: 20, maxMemory: maxMemory), dryRun: dryRun, output: { _ in })
    }

    @discardableResult
    func run(_ code: String, dryRun: Bool = false, maxMemory: Int = 64 << 20) throws -> [LuaValue] {
        try runner(dryRun: dryRun, maxMemory: maxMemory).run(source: code, chunkName: "t.lua", officeCode: "ordos").values
    }

    /// Lua source of a string literal.
    static func lua(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Every committed byte of the database: the WAL checkpointed into the main file first.
    func fileBytes() throws -> Data {
        try host.database.pool.writeWithoutTransaction { db in _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        return try Data(contentsOf: URL(fileURLWithPath: scratch.path))
    }

    func noticeCount() throws -> Int {
        try host.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM notices") ?? 0 }
    }

    @Test("拒绝的每一类：事务控制、保存点、ATTACH/DETACH、VACUUM、PRAGMA、写入与改结构、加载扩展等函数、其他库的表、多条语句", arguments: [
        ("BEGIN", "事务控制语句「BEGIN」"),
        ("COMMIT", "事务控制语句「COMMIT」"),
        ("END", "事务控制语句「COMMIT」"),
        ("ROLLBACK", "事务控制语句「ROLLBACK」"),
        ("EXPLAIN COMMIT", "事务控制语句「COMMIT」"),
        ("SAVEPOINT s", "保存点语句「SAVEPOINT s」"),
        ("RELEASE s", "保存点语句「RELEASE s」"),
        ("ROLLBACK TO s", "保存点语句「ROLLBACK TO s」"),
        ("DETACH DATABASE e", "分离数据库"),
        ("VACUUM", "不是查询的语句「VACUUM」"),
        ("PRAGMA query_only = 1", "PRAGMA 语句「PRAGMA query_only」"),
        ("PRAGMA writable_schema = 1", "PRAGMA 语句「PRAGMA writable_schema」"),
        ("PRAGMA journal_mode = DELETE", "PRAGMA 语句"),
        ("PRAGMA table_info(members)", "pragma_table_info"),
        ("ANALYZE", "写入或修改结构的语句"),
        ("REINDEX", "写入或修改结构的语句"),
        ("DELETE FROM members", "写入或修改结构的语句（DELETE members）"),
        ("WITH x AS (SELECT 1) DELETE FROM members", "只允许读取本数据库的表"),
        ("UPDATE members SET name = 'x'", "写入或修改结构的语句（UPDATE members）"),
        ("CREATE TEMP TABLE x(a)", "写入或修改结构的语句"),
        ("DROP TABLE notices", "写入或修改结构的语句"),
        ("SELECT load_extension('/tmp/lvzhi-none.so')", "函数「load_extension()」"),
        ("SELECT fts3_tokenizer('simple')", "函数「fts3_tokenizer()」"),
        ("SELECT * FROM temp.sqlite_master", "其他数据库「temp」"),
        ("SELECT * FROM dbstat", "「dbstat」：它不是本数据库的表或视图"),
        ("SELECT * FROM pragma_database_list", "「pragma_database_list」"),
        ("SELECT 1 AS a; COMMIT", "一次只执行一条语句，拒绝第一条之后的「COMMIT」"),
        ("SELECT 1 AS a; SELECT 2", "一次只执行一条语句"),
    ])
    func refusals(sql: String, expected: String) throws {
        let before = try fileBytes()
        let error = #expect(throws: LvzhiError.self) {
            try self.run("lvzhi.notices.publish{ title = '通知', body = '正文' } return lvzhi.db.query(\(Self.lua(sql)))")
        }
        #expect(error?.code == .scriptError)
        #expect(error?.message.contains(expected) == true, "\(sql): \(error?.message ?? "")")
        #expect(error?.message.contains("t.lua:1:") == true)
        #expect(try noticeCount() == 0)
        #expect(try fileBytes() == before)
    }

    @Test("ATTACH 与 VACUUM INTO 被拒绝，且不会创建任何文件", arguments: ["ATTACH DATABASE '%@' AS e", "VACUUM INTO '%@'"])
    func noFileIsCreated(template: String) throws {
        let target = folder.appendingPathComponent("outside-\(UUID().uuidString).db").path
        let sql = template.replacingOccurrences(of: "%@", with: target)
        let values = try run("local ok, message = pcall(lvzhi.db.query, \(Self.lua(sql))) return ok, message")
        #expect(values.first == .boolean(false))
        guard case .string(let message) = values.last else { Issue.record("没有错误信息"); return }
        #expect(message.contains(template.hasPrefix("ATTACH") ? "附加数据库（ATTACH「\(target)」）" : "不是查询的语句「VACUUM」"))
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test("读取本库的表、视图、FTS5、json_each、pragma_table_info、递归 CTE（含 COUNT(*)）、子查询、窗口与日期函数都照常可用")
    func readsWork() throws {
        let values = try run("""
            local q = lvzhi.db.query
            return q("SELECT COUNT(*) AS n FROM members WHERE name = ?", "张伟")[1].n,
                   q("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10) SELECT SUM(x) AS s FROM c")[1].s,
                   #q("SELECT name, type FROM pragma_table_info('members')") > 5,
                   q("SELECT value FROM json_each('[4, 5]') ORDER BY value DESC")[1].value,
                   q("SELECT rowid AS id, bm25(words_fts) AS score FROM words_fts WHERE words_fts MATCH ?", "shi")[1].id,
                   q("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'members'")[1].n,
                   q("SELECT (SELECT COUNT(*) FROM words_fts) AS n")[1].n,
                   q("SELECT name, row_number() OVER (ORDER BY id) AS r FROM members ORDER BY id DESC LIMIT 1")[1].r,
                   q("SELECT date('2026-01-31', '+1 day') AS d, upper('ab') AS u, json_extract('{\\"a\\": 2}', '$.a') AS j, '{\\"a\\": 3}' ->> '$.a' AS k")[1].k,
                   q("SELECT ? * 2 AS x", 1.25)[1].x,
                   q("VALUES (7)")[1].column1,
                   #q("EXPLAIN QUERY PLAN SELECT * FROM members WHERE id = 1") > 0,
                   q("SELECT 1 AS a; -- 结尾的注释")[1].a,
                   q("SELECT x'00ff' AS b, NULL AS z")[1].b,
                   q("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 4) SELECT COUNT(*) AS n FROM c")[1].n,
                   q("WITH s AS (SELECT id FROM members) SELECT COUNT(*) AS n FROM (SELECT id FROM s)")[1].n
            """)
        #expect(values == [.integer(1), .integer(55), .boolean(true), .integer(5), .integer(1), .integer(1), .integer(2), .integer(3),
                           .integer(3), .number(2.5), .integer(7), .boolean(true), .integer(1), .string("<2 字节>"), .integer(4), .integer(3)])
    }

    @Test("查询看得到本次运行尚未提交的写入；遍历游标时查询不打断遍历")
    func readsSeeTheRunsOwnWrites() throws {
        let values = try run("""
            lvzhi.notices.publish{ title = '通知', body = '正文' }
            local seen = lvzhi.db.query("SELECT COUNT(*) AS n FROM notices")[1].n
            local names = {}
            for m in lvzhi.members.each{} do
              names[#names + 1] = m.name .. lvzhi.db.query("SELECT COUNT(*) AS n FROM members WHERE id <= ?", m.id)[1].n
            end
            return seen, table.concat(names, ",")
            """, dryRun: true)
        #expect(values == [.integer(1), .string("张伟1,乌兰2,巴特尔3")])
        #expect(try noticeCount() == 0)
    }

    @Test("参数个数不对是一条可以 pcall 捕获的中文错误，不会让进程崩溃", arguments: [
        ("'SELECT 1 AS a', 5", "SQL 中有 0 个占位符（?），却给了 1 个参数"),
        ("'SELECT ? AS a, ? AS b', 5", "SQL 中有 2 个占位符（?），却给了 1 个参数"),
        ("'SELECT ? AS a'", "SQL 中有 1 个占位符（?），却给了 0 个参数"),
    ])
    func wrongArgumentCount(arguments: String, expected: String) throws {
        let values = try run("local ok, message = pcall(lvzhi.db.query, \(arguments)) return ok, message, lvzhi.db.query('SELECT 2 AS b')[1].b")
        #expect(values.count == 3)
        #expect(values.first == .boolean(false))
        guard case .string(let message) = values[1] else { Issue.record("没有错误信息"); return }
        #expect(message.contains("lvzhi.db.query 的参数个数不对：\(expected)"), "\(message)")
        #expect(values.last == .integer(2))
    }

    @Test("SQL 有误时给出 SQLite 的原因")
    func compileErrors() throws {
        let error = #expect(throws: LvzhiError.self) { try self.run("return lvzhi.db.query('SELECT * FROM no_such_table')") }
        #expect(error?.message.contains("lvzhi.db.query 的 SQL 有误：no such table: no_such_table") == true)
        let empty = #expect(throws: LvzhiError.self) { try self.run("return lvzhi.db.query('  -- 只有注释')") }
        #expect(empty?.message.contains("SQL 是空的") == true)
        // "x" is an identifier on both connections, as GRDB has it, never a string.
        #expect(try run("return lvzhi.db.query('SELECT \"name\" FROM members ORDER BY id')[1].name") == [.string("张伟")])
        let quoted = #expect(throws: LvzhiError.self) { try self.run("return lvzhi.db.query[[SELECT * FROM pragma_table_info(\"members\")]]") }
        #expect(quoted?.message.contains("lvzhi.db.query 的 SQL 有误：no such column: members") == true, "\(quoted?.message ?? "")")
        let runtime = #expect(throws: LvzhiError.self) { try self.run("return lvzhi.db.query[[SELECT json_extract('不是 JSON', '$') AS j]]") }
        #expect(runtime?.message.contains("lvzhi.db.query 执行出错：malformed JSON") == true, "\(runtime?.message ?? "")")
    }

    @Test("--dry-run：无论脚本做什么，数据库文件逐字节不变；失败的脚本也一样")
    func dryRunLeavesTheFileUnchanged() throws {
        let before = try fileBytes()
        let refused = ["COMMIT", "END", "ROLLBACK", "BEGIN", "SAVEPOINT a", "RELEASE a", "ROLLBACK TO a", "PRAGMA query_only = 1",
                       "PRAGMA writable_schema = 1", "VACUUM", "SELECT 1 AS a; COMMIT", "DELETE FROM notices", "ANALYZE"]
        let attempts = refused.map { "pcall(lvzhi.db.query, \(Self.lua($0)))" }.joined(separator: "\n")
        let script = """
            lvzhi.notices.publish{ title = '第一条', body = '正文' }
            \(attempts)
            lvzhi.members.add{ name = '新委员', gender = '女', sector = '经济界' }
            lvzhi.notices.publish{ title = '第二条', body = '正文' }
            return lvzhi.db.query("SELECT COUNT(*) AS n FROM notices")[1].n
            """
        let outcome = try runner(dryRun: true).run(source: script, chunkName: "t.lua", officeCode: "ordos")
        #expect(outcome.values == [.integer(2)])
        #expect(!outcome.committed)
        #expect(try fileBytes() == before)
        #expect(throws: LvzhiError.self) { try self.run(script + "\nerror('最后失败')") }
        #expect(try fileBytes() == before)
    }

    @Test("任何途径到达连接的 COMMIT 都被拒绝，整个事务回滚，脚本停下（pcall 也挡不住）", arguments: [
        "lvzhi.notices.publish{ title = '通知', body = '正文' } lvzhi.rogue.commit()",
        "lvzhi.notices.publish{ title = '通知', body = '正文' } pcall(lvzhi.rogue.commit) while true do end",
        "lvzhi.notices.publish{ title = '通知', body = '正文' } pcall(lvzhi.rogue.commit) return 1",
    ])
    func aCommitBehindTheRunnersBackIsRefused(code: String) throws {
        let before = try fileBytes()
        let error = #expect(throws: LvzhiError.self) { try self.run(code) }
        #expect(error?.message.contains("有语句试图在脚本运行中提交事务（COMMIT），已被拒绝") == true, "\(error?.message ?? "")")
        #expect(try noticeCount() == 0)
        #expect(try fileBytes() == before)
        // A script that ends well still commits.
        try run("lvzhi.notices.publish{ title = '通知', body = '正文' }")
        #expect(try noticeCount() == 1)
    }

    @Test("内存上限也管 SQL：超大的值和超多的行都以内存上限停止，pcall 吞不掉", arguments: [
        "lvzhi.db.query[[SELECT hex(randomblob(400000000)) AS n]]",
        "lvzhi.db.query[[WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000) SELECT x, printf('%020d', x) AS t FROM c]]",
        "lvzhi.db.query[[SELECT zeroblob(100000000) AS z]]",
    ])
    func memoryCapCoversSQL(query: String) throws {
        for code in ["return #\(query)", "local ok = pcall(function() return \(query) end) local t = {} for i = 1, 100 do t[i] = i end return ok"] {
            let error = #expect(throws: LvzhiError.self) { try self.run(code, maxMemory: 32 << 20) }
            #expect(error?.code == .limitExceeded, "\(code): \(error?.message ?? "")")
            #expect(error?.message.contains("内存超过上限（32 MB）") == true)
            #expect(error?.message.contains("--max-memory") == true)
        }
        // The same engine settings run a small query afterwards.
        #expect(try run("return lvzhi.db.query('SELECT 1 AS a')[1].a", maxMemory: 32 << 20) == [.integer(1)])
    }
}
