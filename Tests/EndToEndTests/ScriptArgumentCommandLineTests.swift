import Foundation
import Testing

/// Script arguments of the wrong kind, one test per kind: values of the wrong kind are refused with a
/// Chinese message naming the parameter, never read as empty, absent or text.
@Suite("脚本接口：列表、筛选、布尔、文字参数与改名的函数（命令行）")
struct ScriptArgumentCommandLineTests {
    /// Runs `code` with `lvzhi eval` in the office of ``HostileInputTests/office()`` (proposal 1 filed).
    static func eval(_ cli: CommandLineRunner, _ code: String, dryRun: Bool = true) throws -> CommandLineRunner.Result {
        try cli.run(["eval", code, "--office", "ordos"] + (dryRun ? ["--dry-run"] : []))
    }

    /// Runs each call of `refusals` under `pcall` in one dry run and then returns `values`: prints the
    /// calls that were not refused with a message containing their text, then the values' line.
    static func refusals(_ cli: CommandLineRunner, _ refusals: [(call: String, message: String)], then values: String,
                         prelude: String = "") throws -> CommandLineRunner.Result {
        let checks = refusals.map { r in
            "do local ok, m = pcall(function() return \(r.call) end)\n if ok or not tostring(m):find(\(Lua.quote(r.message)), 1, true) then print([[\(r.call)]], m) end end"
        }
        return try eval(cli, ([prelude] + checks + ["return " + values]).joined(separator: "\n"))
    }

    @Test("列表参数给了别的值：拒绝并点名，不当作空列表；真正的列表照常生效；超过 1000 项说明上限")
    func lists() throws {
        let cli = try HostileInputTests.office()
        let draft = "lvzhi.proposals.draft{ title = \"关于某事的建议\", category = \"经济\", member = 1, cosigners = %@ }"
        let out = try Self.refusals(cli, [
            (draft.replacingOccurrences(of: "%@", with: "57"), "cosigners 应为 ID 列表"),
            ("lvzhi.proposals.assign(1, { lead = \"市发展和改革委员会\", co = \"市委宣传部\" })", "co 应为文字列表"),
            ("lvzhi.proposals.file(1, { reviewers = 8 })", "reviewers 应为 ID 列表"),
            (draft.replacingOccurrences(of: "%@", with: "big"), "cosigners 最多 1000 项"),
        ], then: "lvzhi.proposals.count{}", prelude: "local big = {} for i = 1, 1001 do big[i] = 1 end")
        #expect(out.stdout == "1\n", "\(out.stdout)\(out.stderr)")
        let roles = try Self.eval(cli, """
            local id = lvzhi.members.add{ name = "乌兰", gender = "女", sector = "经济界", roles = { "常委", "召集人" } }
            local m = lvzhi.members.get(id)
            return table.concat(m.roles, "、"), lvzhi.members.count{ role = "常委" }
            """)
        #expect(roles.stdout == "常委、召集人\t1\n", "\(roles.stdout)\(roles.stderr)")
    }

    @Test("条件给了表、函数或不带名字的值：拒绝，不当作没有条件")
    func filters() throws {
        let cli = try HostileInputTests.office()
        let out = try Self.refusals(cli, [
            ("lvzhi.members.count{ sector = { \"经济界\" } }", "sector 应为文字，实际是表"),
            ("lvzhi.members.count{ sector = print }", "sector 应为文字，实际是函数"),
            ("lvzhi.members.count{ \"经济界\" }", "没有名字"),
            ("lvzhi.members.count{ secter = \"经济界\" }", "选项表中没有「secter」这一项"),
        ], then: "lvzhi.members.count{ sector = \"经济界\" }")
        #expect(out.stdout == "1\n", "\(out.stdout)\(out.stderr)")
    }

    @Test("布尔选项只接受 true、false：\"yes\"、1、0 都拒绝")
    func booleans() throws {
        let cli = try HostileInputTests.office()
        let out = try Self.refusals(cli, [
            ("lvzhi.proposals.count{ key = \"yes\" }", "key 应为 true 或 false，实际是文字「yes」"),
            ("lvzhi.proposals.count{ key = 1 }", "key 应为 true 或 false，实际是整数 1"),
            ("lvzhi.proposals.count{ key = 0 }", "key 应为 true 或 false"),
            ("lvzhi.notices.list{ all = \"true\" }", "all 应为 true 或 false"),
        ], then: "lvzhi.proposals.count{ key = true }, lvzhi.proposals.count{ key = false }")
        #expect(out.stdout == "0\t1\n", "\(out.stdout)\(out.stderr)")
    }

    @Test("文字参数不接受 NaN、无穷大、布尔值、表；整数按数字写出")
    func texts() throws {
        let cli = try HostileInputTests.office()
        let add = { (name: String) in "lvzhi.members.add{ name = \(name), gender = \"男\", sector = \"经济界\" }" }
        let out = try Self.refusals(cli, [
            (add("0/0"), "name 应为文字，实际是非数（NaN）"),
            (add("1/0"), "name 应为文字，实际是无穷大"),
            (add("true"), "name 应为文字，实际是布尔值 true"),
            (add("{}"), "name 应为文字，实际是表"),
            ("lvzhi.members.get(\"3\")", "第 1 个参数（id）应为 ID（正整数），实际是文字「3」"),
        ], then: "lvzhi.members.get(lvzhi.members.add{ name = \"巴特尔\", gender = \"男\", sector = \"经济界\", mobile = 13800000000 }).mobile")
        #expect(out.stdout == "13800000000\n", "\(out.stdout)\(out.stderr)")
    }

    @Test("退回修改是 return_for_revision，延期的日期是 new_deadline：都能直接写")
    func renamed() throws {
        let cli = try HostileInputTests.office()
        let out = try Self.eval(cli, """
            local id = lvzhi.proposals.draft{ title = "关于改进公交线路的建议", category = "经济", member = 1 }
            lvzhi.proposals.submit(id)
            local returned = lvzhi.proposals.return_for_revision(id, { note = "请补充调研数据" })
            lvzhi.proposals.assign(1, { lead = "市发展和改革委员会" })
            local extended = lvzhi.proposals.extend(1, { new_deadline = os.date("%Y-%m-%d", os.time() + 125 * 86400), note = "需要现场调研" })
            local ok, m = pcall(lvzhi.proposals.extend, 1, { ["until"] = "2099-09-30" })
            return returned, extended, ok, tostring(m):find("选项表中没有「until」这一项", 1, true) ~= nil
            """)
        #expect(out.status == 0, "\(out.stderr)")
        let fields = out.stdout.split(separator: "\t").map(String.init)
        #expect(fields.count == 4 && fields[2] == "false" && fields[3] == "true\n", "\(out.stdout)")
    }

    @Test("报表：宿主返回的数组是真正的序列；报表接受任何序列；1001 行可以，超过 1000 列说明上限")
    func reports() throws {
        let cli = try HostileInputTests.office()
        _ = try cli.ok(["eval", """
            for i = 1, 8 do
              lvzhi.archive.describe{ level = "系列", parent = 1, reference_code = "Q1-" .. i, title = "系列" .. i, original_location = "库房" .. i }
            end
            """, "--office", "ordos"])
        let out = try cli.run(["eval", """
            local locations = lvzhi.archive.locations()
            local order = {}
            for k in pairs(locations) do order[#order + 1] = k end
            local path = lvzhi.report.save("馆藏分布.csv", locations)
            local t = {}
            for i = 8, 1, -1 do t[i] = { "位置" .. i, i } end
            lvzhi.report.print(t)
            local rows = {}
            for i = 1, 1001 do rows[i] = { i } end
            lvzhi.report.print(rows, { headers = { "序号" } })
            local wide = {}
            for i = 1, 1001 do wide[i] = i end
            local ok, m = pcall(lvzhi.report.print, { wide })
            return #locations >= 8, table.concat(order, ","), path ~= nil, ok, m
            """, "--office", "ordos", "--out", cli.folder.path])
        #expect(out.status == 0, "\(out.stderr)")
        let last = out.stdout.split(separator: "\n").last.map(String.init) ?? ""
        let n = last.split(separator: "\t").dropFirst().first.map { $0.split(separator: ",").count } ?? 0
        #expect(last.hasPrefix("true\t" + (1...max(n, 1)).map(String.init).joined(separator: ",") + "\ttrue\tfalse\t"), "\(last)")
        #expect(last.contains("超过 1000 列"), "\(last)")
        #expect(out.stdout.contains("位置1") && out.stdout.contains("1001"), "\(out.stdout.prefix(300))")
    }

    @Test("lvzhi.notices 与其他列出记录的表一样有 each、list、count、get")
    func noticesConvention() throws {
        let cli = try HostileInputTests.office()
        let out = try Self.eval(cli, """
            local a = lvzhi.notices.publish{ title = "关于召开常委会议的通知", body = "定于下周召开" }
            lvzhi.notices.publish{ title = "关于报送提案的通知", body = "请于月底前报送" }
            local titles = {}
            for n in lvzhi.notices.each{} do titles[#titles + 1] = n.title end
            return lvzhi.notices.count{}, #lvzhi.notices.list{}, #titles, lvzhi.notices.get(a).title
            """)
        #expect(out.stdout == "2\t2\t2\t关于召开常委会议的通知\n", "\(out.stdout)\(out.stderr)")
    }
}
