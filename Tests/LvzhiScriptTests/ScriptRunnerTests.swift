import Foundation
import GRDB
import Testing
import LvzhiCore
import LvzhiStorage
import LvzhiTestSupport
@testable import LvzhiScript
import Notices

/// A script run against a real database: one transaction, the same permissions and audit as the CLI.
@Suite("脚本运行与 lvzhi 接口")
final class ScriptRunnerTests {
    let scratch: ScratchDatabase
    var folder: URL { scratch.folder }
    var host: LvzhiHost { scratch.host }
    var admin: AccessContext { scratch.admin }
    var printed: [String] = []

    init() throws {
        scratch = try ScratchDatabase(plugins: [NoticesPlugin.manifest], label: "script")
        try OfficeStore(host: host, context: admin).add(code: "ordos", name: "政协鄂尔多斯市委员会")
        try OfficeStore(host: host, context: admin).add(code: "dongsheng", name: "政协鄂尔多斯市东胜区委员会", parentCode: "ordos")
        _ = try TermStore(host: host, context: admin).add(officeCode: "ordos", number: 5, startsOn: "2022-01-06")
        try SectorStore(host: host, context: admin).add(officeCode: "ordos", name: "经济界")
        try SectorStore(host: host, context: admin).add(officeCode: "ordos", name: "中共")
        for (name, sector) in [("张伟", "经济界"), ("张伟", "中共"), ("乌兰", "经济界")] {
            try MemberStore(host: host, context: admin).add(officeCode: "ordos", MemberInput(name: name, gender: "男", sector: sector, mobile: "13900000001"))
        }
        try UserStore(host: host, context: admin).add(username: "staff", displayName: "工作人员", officeCode: "ordos", role: .staff)
        try UserStore(host: host, context: admin).add(username: "weiyuan", displayName: "委员", officeCode: "ordos", role: .member)
    }

    func runner(_ username: String = "admin", dryRun: Bool = false, timeout: Double = 5) throws -> ScriptRunner {
        ScriptRunner(host: host, context: try host.context(for: username), modules: CoreScriptAPI.modules + [NoticesScriptAPI.module],
                     limits: ScriptLimits(timeout: timeout, maxMemory: 64 << 20), dryRun: dryRun,
                     outputDirectory: folder.appendingPathComponent("out"), output: { [unowned self] in printed.append($0) })
    }

    func run(_ code: String, as username: String = "admin", dryRun: Bool = false, timeout: Double = 5) throws -> [LuaValue] {
        try runner(username, dryRun: dryRun, timeout: timeout).run(source: code, chunkName: "t.lua", officeCode: "ordos").values
    }

    func snapshot() throws -> String {
        try host.read { db in
            try ["members", "notices", "audit_log", "office_modules"].map { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid").description
            }.joined(separator: "\n")
        }
    }

    @Test("读取：each 逐条遍历，list、count、get 与 CLI 一致")
    func reading() throws {
        let values = try run("""
            local names = {}
            for m in lvzhi.members.each{ sector = "经济界" } do names[#names + 1] = m.name .. "#" .. m.id end
            return table.concat(names, ","), lvzhi.members.count{}, #lvzhi.members.list{ name = "张伟" }, lvzhi.members.get(3).name,
                   lvzhi.office.code, lvzhi.user.username
            """)
        #expect(values == [.string("张伟#1,乌兰#3"), .integer(3), .integer(2), .string("乌兰"), .string("ordos"), .string("admin")])
    }

    @Test("组织接口：届次、界别、专委会、审计与 --json 的字段一致；审计仅管理员")
    func organisationTables() throws {
        let values = try run("""
            return lvzhi.terms.list()[1].label, #lvzhi.sectors.list(), lvzhi.sectors.list()[1].member_count,
                   #lvzhi.committees.list(), #lvzhi.groups.list(), lvzhi.audit.list{ entity = "members", limit = 2 }[1].action
            """)
        #expect(values == [.string("第五届"), .integer(2), .integer(2), .integer(0), .integer(0), .string("insert")])
        let denied = #expect(throws: LvzhiError.self) { try self.run("return lvzhi.audit.list{}", as: "staff") }
        #expect(denied?.message.contains("权限不足") == true)
    }

    @Test("联系方式：管理员可见，工作人员不可见")
    func contactDetails() throws {
        #expect(try run("return lvzhi.members.get(1).mobile") == [.string("13900000001")])
        #expect(try run("return lvzhi.members.get(1).mobile", as: "staff") == [.nil])
    }

    @Test("写入经过同样的校验、权限和审计；脚本正常结束才提交")
    func writesCommitWhenTheScriptEndsWell() throws {
        let auditBefore = try host.read { db in try AuditRecord.fetchCount(db) }
        let values = try run("return lvzhi.members.add{ name = '巴特尔', gender = '男', sector = '中共', birth_date = '1975年3月4日' }", as: "staff")
        #expect(values == [.integer(4)])
        let entry = try host.read { db in try AuditRecord.order(Column("id").desc).fetchOne(db) }
        #expect(entry?.username == "staff")
        #expect(entry?.entity == "members")
        #expect(try host.read { db in try AuditRecord.fetchCount(db) } == auditBefore + 1)
        let invalid = #expect(throws: LvzhiError.self) { try self.run("lvzhi.members.add{ name = '李四', gender = '未知', sector = '火星界' }") }
        #expect(invalid?.message.contains("t.lua:1:") == true)
        let denied = #expect(throws: LvzhiError.self) { try self.run("lvzhi.members.add{ name = '王五', gender = '男', sector = '中共' }", as: "weiyuan") }
        #expect(denied?.message.contains("权限不足") == true)
    }

    @Test("失败、超时、试运行：数据库保持原样", arguments: [
        ("lvzhi.members.add{ name = '甲', gender = '男', sector = '中共' } error('中途失败')", false),
        ("lvzhi.members.add{ name = '乙', gender = '男', sector = '中共' } while true do end", false),
        ("lvzhi.members.add{ name = '丙', gender = '男', sector = '中共' } local s = ('x'):rep(1 << 30)", false),
        ("lvzhi.members.add{ name = '丁', gender = '男', sector = '中共' }", true),
    ])
    func failedRunsLeaveNothing(code: String, dryRun: Bool) throws {
        let before = try snapshot()
        do {
            let outcome = try runner(dryRun: dryRun, timeout: 0.5).run(source: code, chunkName: "t.lua", officeCode: "ordos")
            #expect(dryRun && !outcome.committed)
        } catch let error as LvzhiError {
            #expect(error.code == .scriptError || error.code == .limitExceeded)
        }
        #expect(try snapshot() == before)
    }

    @Test("未启用的模块不出现在 lvzhi 中，访问时说明“模块未启用”；启用后可用")
    func disabledModulesAreAbsent() throws {
        let error = #expect(throws: LvzhiError.self) { try self.run("return lvzhi.notices.list()") }
        #expect(error?.message.contains("模块未启用") == true)
        #expect(error?.message.contains("lvzhi modules enable notices --office ordos") == true)
        #expect(try run("return rawget(lvzhi, 'notices') == nil, getmetatable(lvzhi)") == [.boolean(true), .string("locked")])
        try ModuleStore(host: host, context: admin).enable("notices", officeCode: "ordos")
        #expect(try run("return lvzhi.notices.publish{ title = '关于开会的通知' }", as: "staff") == [.integer(1)])
        #expect(try run("return lvzhi.notices.list()[1].title", as: "weiyuan") == [.string("关于开会的通知")])
        let unknown = #expect(throws: LvzhiError.self) { try self.run("return lvzhi.nothing") }
        #expect(unknown?.message.contains("nothing") == true)
    }

    @Test("lvzhi.db.query：管理员只读查询；写语句和非管理员一律拒绝")
    func readOnlySQL() throws {
        #expect(try run("return lvzhi.db.query('SELECT COUNT(*) AS n FROM members WHERE name = ?', '张伟')[1].n") == [.integer(2)])
        let before = try snapshot()
        for statement in ["DELETE FROM members", "UPDATE members SET name = 'x'", "INSERT INTO notices(office_id, title, body, published_by, published_at) VALUES (1,'x','','x','x')", "DROP TABLE members"] {
            let error = #expect(throws: LvzhiError.self) { try self.run("return lvzhi.db.query(\"\(statement)\")") }
            #expect(error?.message.contains("只读") == true || error?.message.contains("只允许") == true)
        }
        #expect(try snapshot() == before)
        let denied = #expect(throws: LvzhiError.self) { try self.run("return lvzhi.db.query('SELECT 1')", as: "staff") }
        #expect(denied?.message.contains("权限不足") == true)
    }

    @Test("help() 列出本次可用的接口；help(函数) 给出用法")
    func help() throws {
        let values = try run("return help(), help(lvzhi.members), help(lvzhi.members.list), help(42)")
        guard case .string(let overview) = values[0], case .string(let module) = values[1],
              case .string(let function) = values[2], case .string(let unknown) = values[3] else {
            Issue.record("help 应返回文字"); return
        }
        #expect(overview.contains("lvzhi.members"))
        #expect(!overview.contains("lvzhi.notices"), "未启用的模块不应列出")
        #expect(module.contains("count{"))
        #expect(function.contains("委员数组"))
        #expect(unknown.contains("没有"))
        // Every name help() lists is written whole: copied, it gives the table (committees, proposals … were cut at 8 letters).
        let missing = try run("""
            local missing = {}
            for name in help():gmatch("lvzhi%.([%w_]+)") do if lvzhi[name] == nil then missing[#missing + 1] = name end end
            return table.concat(missing, ",")
            """)
        #expect(missing == [.string("")])
        #expect(overview.contains("lvzhi.committees "))
    }

    @Test("报表：对齐打印；CSV 带 BOM；Markdown；Excel 能被 openpyxl 读出；--out 之外的路径被拒绝")
    func reports() throws {
        _ = try run("""
            local rows = { { "经济界", 2 }, { "中共", 1 }, { "a|b", 0 } }
            local opts = { title = "各界别人数", headers = { "界别", "人数" } }
            lvzhi.report.print(rows, opts)
            lvzhi.report.save("人数.csv", rows, opts)
            lvzhi.report.save("人数.md", rows, opts)
            lvzhi.report.save("表/人数.xlsx", rows, opts)
            lvzhi.report.print(lvzhi.members.list{ sector = "经济界" }, { columns = { "id", "name" } })
            """)
        let text = printed.joined(separator: "\n")
        #expect(text.contains("经济界     2"))
        #expect(text.contains("中共       1"), "汉字按两列宽对齐")
        #expect(text.contains("乌兰"))
        let out = folder.appendingPathComponent("out")
        let csv = try Data(contentsOf: out.appendingPathComponent("人数.csv"))
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: csv.dropFirst(3), as: UTF8.self).hasPrefix("界别,人数"))
        let markdown = try String(contentsOf: out.appendingPathComponent("人数.md"), encoding: .utf8)
        #expect(markdown.contains("| a\\|b | 0 |"))
        #expect(markdown.contains("---:"))
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        reader.arguments = ["-c", "import openpyxl,sys; ws=openpyxl.load_workbook(sys.argv[1]).active; print(ws.title); print([[c.value for c in r] for r in ws.iter_rows()])",
                            out.appendingPathComponent("表/人数.xlsx").path]
        let pipe = Pipe()
        reader.standardOutput = pipe
        try reader.run()
        let read = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        reader.waitUntilExit()
        #expect(reader.terminationStatus == 0)
        #expect(read.contains("各界别人数"))
        #expect(read.contains("[['界别', '人数'], ['经济界', 2], ['中共', 1], ['a|b', 0]]"))
        for bad in ["../逃逸.csv", "/tmp/逃逸.csv", "a/../../逃逸.csv", "报表.exe"] {
            let error = #expect(throws: LvzhiError.self) { try self.run("lvzhi.report.save('\(bad)', {{1}})") }
            #expect(error?.message.contains(bad) == true)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("逃逸.csv").path))
    }

    @Test("控制台：变量跨输入保留；每次输入一个事务；多行输入；Tab 补全")
    func console() throws {
        let console = try ConsoleSession(host: host, context: admin, officeCode: "ordos", modules: CoreScriptAPI.modules,
                                         limits: ScriptLimits(timeout: 1, maxMemory: 64 << 20), output: { [unowned self] in printed.append($0) })
        #expect(try console.evaluate("x = 41") == [])
        #expect(try console.evaluate("x + 1") == [.integer(42)])
        #expect(try console.evaluate("lvzhi.members.count{}") == [.integer(3)])
        _ = try console.evaluate("lvzhi.members.add{ name = '甲', gender = '男', sector = '中共' }")
        #expect(throws: LvzhiError.self) { try console.evaluate("lvzhi.members.add{ name = '乙', gender = '男', sector = '中共' } error('x')") }
        #expect(throws: LvzhiError.self) { try console.evaluate("while true do end") }
        #expect(try console.evaluate("lvzhi.members.count{}") == [.integer(4)], "失败的输入只撤销它自己")
        #expect(try console.evaluate("x") == [.integer(41)], "被停止后变量仍在")
        #expect(console.isIncomplete("for i = 1, 3 do"))
        #expect(console.isIncomplete("f(1,"))
        #expect(!console.isIncomplete("for i = 1, 3 do end"))
        #expect(!console.isIncomplete("1 + 1"))
        #expect(!console.isIncomplete("end end"), "真正的语法错误不等待更多输入")
        #expect(console.completions(for: "lvzhi.mem") == ["lvzhi.members"])
        #expect(console.completions(for: "lvzhi.members.c") == ["lvzhi.members.count"])
        #expect(console.completions(for: "whi") == ["while"])
        #expect(console.completions(for: "x").contains("x"))
        // A cursor kept in a variable must not outlive its input's transaction.
        #expect(try console.evaluate("it = lvzhi.members.each{} return it().name") == [.string("张伟")])
        let expired = #expect(throws: LvzhiError.self) { try console.evaluate("it()") }
        #expect(expired?.message.contains("已经结束") == true)
    }

    @Test("保存的模块可以 require；事件处理、规则脚本不行；只有管理员能保存脚本")
    func storedModules() throws {
        let store = ScriptStore(host: host, context: admin)
        try store.save(officeCode: "ordos", name: "工具", kind: .module, event: nil, source: "return { double = function(x) return x * 2 end }", replace: false)
        try store.save(officeCode: "ordos", name: "规则", kind: .rule, event: nil, source: "return 1", replace: false)
        #expect(try run("return require('工具').double(21), require('工具') == require('工具')") == [.integer(42), .boolean(true)])
        let rule = #expect(throws: LvzhiError.self) { try self.run("return require('规则')") }
        #expect(rule?.message.contains("只有模块") == true)
        let missing = #expect(throws: LvzhiError.self) { try self.run("return require('没有')") }
        #expect(missing?.message.contains("工具") == true, "应列出已有的脚本")
        #expect(throws: LvzhiError.self) { try store.save(officeCode: "ordos", name: "工具", kind: .module, event: nil, source: "", replace: false) }
        let staff = try host.context(for: "staff")
        let denied = #expect(throws: LvzhiError.self) {
            try ScriptStore(host: self.host, context: staff).save(officeCode: "ordos", name: "x", kind: .rule, event: nil, source: "", replace: false)
        }
        #expect(denied?.code == .permissionDenied)
        #expect(throws: LvzhiError.self) { try store.save(officeCode: "ordos", name: "h", kind: .handler, event: "no.such.event", source: "", replace: false) }
    }

    @Test("事件处理：修改提交后以同一用户运行、各自一个事务；失败被记录且不撤销用户的操作；处理脚本的修改不再触发处理")
    func eventHandlers() throws {
        let automation = EventAutomation(host: host, modules: CoreScriptAPI.modules, limits: ScriptLimits(timeout: 2))
        var failures: [ScriptFailure] = []
        automation.onFailure = { failures.append($0) }
        automation.attach()
        try ScriptStore(host: host, context: admin).save(officeCode: "ordos", name: "迎新", kind: .handler, event: "member.added", source: """
            lvzhi.on("member.added", function(e)
              local m = lvzhi.members.get(e.id)
              if m.name == "坏人" then error("不欢迎") end
              lvzhi.members.add{ name = m.name .. "的联络员", gender = "女", sector = "中共" }
            end)
            """, replace: false)
        let staff = try host.context(for: "staff")
        try MemberStore(host: host, context: staff).add(officeCode: "ordos", MemberInput(name: "新人", gender: "男", sector: "经济界"))
        let names = try MemberStore(host: host, context: admin).list(officeCode: "ordos").map(\.name)
        #expect(names.suffix(2) == ["新人", "新人的联络员"], "处理脚本运行一次，它自己的新增不再触发")
        let last = try host.read { db in try AuditRecord.filter(Column("entity") == "members").order(Column("id").desc).fetchOne(db) }
        #expect(last?.username == "staff", "处理脚本以做出修改的用户身份运行")

        try MemberStore(host: host, context: staff).add(officeCode: "ordos", MemberInput(name: "坏人", gender: "男", sector: "经济界"))
        #expect(try MemberStore(host: host, context: admin).list(officeCode: "ordos", filter: MemberFilter(name: "坏人")).count == 1, "用户的操作保留")
        #expect(failures.map(\.scriptName) == ["迎新"])
        #expect(failures.first?.message.contains("不欢迎") == true)
        let recorded = try ScriptStore(host: host, context: admin).failures(officeCode: "ordos")
        #expect(recorded.count == 1)
        #expect(recorded.first?.username == "staff")
    }

    @Test("条件写错时给出中文说明")
    func badFilters() throws {
        let error = #expect(throws: LvzhiError.self) { try self.run("return lvzhi.members.list{ secter = '经济界' }") }
        #expect(error?.message.contains("secter") == true)
        let type = #expect(throws: LvzhiError.self) { try self.run("return lvzhi.members.get('一')") }
        #expect(type?.message.contains("整数") == true)
    }
}
