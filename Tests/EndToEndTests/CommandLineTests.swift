import Foundation
import Testing

/// The `lvzhi` command line as a user meets it: a real process, a real SQLite file.
@Suite("命令行端到端")
struct CommandLineTests {
    /// A database with the city and one district, a term, a group and two sectors.
    func organisation() throws -> CommandLineRunner {
        let cli = try CommandLineRunner()
        for arguments in [
            ["init"],
            ["office", "add", "ordos", "政协鄂尔多斯市委员会"],
            ["office", "add", "dongsheng", "政协鄂尔多斯市东胜区委员会", "--parent", "ordos"],
            ["term", "add", "5", "--office", "ordos", "--start", "2022-01-06"],
            ["committee", "add", "economy", "经济委员会", "--office", "ordos"],
            ["group", "add", "第二界别活动组", "--office", "ordos", "--committee", "economy"],
            ["sector", "add", "经济界", "--office", "ordos", "--group", "第二界别活动组"],
            ["sector", "add", "中共", "--office", "ordos"],
        ] {
            let result = try cli.run(arguments)
            try #require(result.status == 0, "lvzhi \(arguments.joined(separator: " ")) 失败：\(result.stderr)")
        }
        return cli
    }

    @Test("init 创建数据库；office list --json 输出对象数组")
    func initAndListOffices() throws {
        let cli = try organisation()
        let result = try cli.run(["office", "list", "--json"])
        #expect(result.status == 0)
        let offices = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(offices.map { $0["code"] as? String } == ["ordos", "dongsheng"])
        #expect(offices[1]["parent_code"] as? String == "ordos")
        let table = try cli.run(["office", "list"])
        #expect(table.stdout.contains("政协鄂尔多斯市东胜区委员会"))
        #expect(try cli.run(["init"]).status == 0, "init 可重复执行")
    }

    @Test("退出码：0 成功，1 操作被拒绝，2 用法错误；错误信息是中文")
    func exitCodes() throws {
        let cli = try organisation()
        let refused = try cli.run(["office", "add", "ordos", "重复的代码"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("错误："))
        #expect(refused.stderr.contains("ordos"))
        let usage = try cli.run(["office", "add"])
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("用法错误"))
        #expect(try cli.run(["member", "list", "--office", "ordos", "--bogus"]).status == 2)
        let unknownUser = try cli.run(["member", "list", "--office", "ordos"], user: "nobody")
        #expect(unknownUser.status == 1)
        #expect(unknownUser.stderr.contains("nobody"))
        let missing = try CommandLineRunner().run(["office", "list"])
        #expect(missing.status == 1, "不存在的数据库不会被悄悄创建")
        #expect(missing.stderr.contains("lvzhi init"))
    }

    @Test("member add / list / show（含邮箱、通讯地址）；同名委员各有 ID")
    func members() throws {
        let cli = try organisation()
        for sector in ["经济界", "中共"] {
            let added = try cli.run(["member", "add", "--office", "ordos", "--name", "张伟", "--gender", "男", "--sector", sector,
                                     "--birth", "1970/1/2", "--mobile", "139 0477 0001", "--role", "常委",
                                     "--email", "zw@example.cn", "--address", "康巴什区北区"])
            #expect(added.status == 0, "\(added.stderr)")
        }
        let list = try cli.run(["member", "list", "--office", "ordos", "--json"])
        let members = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(members.count == 2)
        #expect(Set(members.compactMap { $0["id"] as? Int }).count == 2)
        #expect(members[0]["committee"] as? String == "经济委员会")
        #expect(members[0]["birth_date"] as? String == "1970-01-02")
        #expect(members[0]["address"] as? String == "康巴什区北区" && members[0]["email"] as? String == "zw@example.cn")
        let show = try cli.run(["member", "show", "1"])
        #expect(show.stdout.contains("13904770001"))
        let bad = try cli.run(["member", "add", "--office", "ordos", "--name", "李四", "--gender", "?", "--sector", "无此界别"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("无此界别"))
    }

    @Test("member import：GB18030 自动识别；坏行全部列出且不写入；--dry-run")
    func memberImport() throws {
        let cli = try organisation()
        let encoded = try CommandLineRunner.gb18030("姓名,性别,民族,出生日期,界别,备注\r\n乌兰,女,蒙古族,1972年5月8日,经济界,\r\n王强,男,汉族,1969-11-23,中共,\r\n")
        let gb = try cli.file("gb.csv", try #require(encoded))
        let dry = try cli.run(["member", "import", gb, "--office", "ordos", "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("--dry-run"))
        #expect(try cli.run(["member", "list", "--office", "ordos", "--json"]).stdout.contains("乌兰") == false)

        let imported = try cli.run(["member", "import", gb, "--office", "ordos"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("GB18030"))
        #expect(imported.stderr.contains("备注"), "未知列应当报告")
        #expect(try cli.run(["member", "list", "--office", "ordos"]).stdout.contains("乌兰"))

        let bad = try cli.file("bad.csv", Data("姓名,性别,出生日期,界别,手机\n好人,男,1970-01-01,中共,\n,女,1970-02-30,中共,123\n坏人,男,1970-01-01,无此界别,\n".utf8))
        let before = try cli.run(["audit", "list", "--json", "--limit", "1000"]).stdout
        let rejected = try cli.run(["member", "import", bad, "--office", "ordos"])
        #expect(rejected.status == 1)
        for fragment in ["第3行 姓名", "第3行 出生日期「1970-02-30」", "第3行 手机「123」", "第4行 界别「无此界别」"] {
            #expect(rejected.stderr.contains(fragment), "应报告 \(fragment)")
        }
        #expect(try cli.run(["audit", "list", "--json", "--limit", "1000"]).stdout == before, "被拒绝的导入不写任何东西")
        #expect(try cli.run(["member", "import", "no-such-file.csv", "--office", "ordos"]).status == 1)
    }

    @Test("modules enable/disable：停用后模块命令被拒绝，数据保留")
    func modules() throws {
        let cli = try organisation()
        #expect(try cli.run(["notice", "publish", "--office", "ordos", "--title", "关于开会的通知"]).status == 1)
        #expect(try cli.run(["modules", "enable", "notices", "--office", "ordos"]).status == 0)
        #expect(try cli.run(["notice", "publish", "--office", "ordos", "--title", "关于开会的通知"]).status == 0)
        #expect(try cli.run(["modules", "disable", "notices", "--office", "ordos"]).status == 0)
        let refused = try cli.run(["notice", "list", "--office", "ordos"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("modules enable notices"))
        #expect(try cli.run(["modules", "enable", "notices", "--office", "ordos"]).status == 0)
        #expect(try cli.run(["notice", "list", "--office", "ordos"]).stdout.contains("关于开会的通知"))
        let status = try cli.run(["modules", "list", "--office", "dongsheng", "--json"])
        #expect(status.stdout.contains("\"enabled\" : false"))
    }

    @Test("audit list 按政协与日期筛选，记录操作者")
    func auditList() throws {
        let cli = try organisation()
        let entries = try cli.run(["audit", "list", "--office", "ordos", "--since", "2020-01-01", "--json"])
        #expect(entries.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(entries.stdout.utf8)) as? [[String: Any]])
        #expect(rows.contains { $0["entity"] as? String == "sectors" && $0["username"] as? String == "admin" })
        #expect(try cli.run(["audit", "list", "--since", "2020-02-30"]).status == 1)
    }

    @Test("lvzhi demo 生成鄂尔多斯市及九个旗区的演示库并打印摘要")
    func demo() throws {
        let cli = try CommandLineRunner()
        let result = try cli.run(["demo"])
        #expect(result.status == 0, "\(result.stderr)")
        for name in ["东胜区", "康巴什区", "达拉特旗", "准格尔旗", "鄂托克前旗", "鄂托克旗", "杭锦旗", "乌审旗", "伊金霍洛旗"] {
            #expect(result.stdout.contains(name), "摘要应包含 \(name)")
        }
        #expect(result.stdout.contains("合计"))
        #expect(try cli.run(["demo"]).status == 1, "已有文件不覆盖")
        let members = try cli.run(["member", "list", "--office", "ordos", "--json"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(members.stdout.utf8)) as? [[String: Any]])
        #expect(list.count == 300)
        // Every state is there; every proposal that got a number (whatever became of it since) is numbered 1…n.
        let proposals = try cli.run(["proposal", "list", "--office", "ordos", "--json"])
        let all = try #require(try JSONSerialization.jsonObject(with: Data(proposals.stdout.utf8)) as? [[String: Any]])
        #expect((250...700).contains(all.count), "提案 \(all.count) 件")
        let states = Set(all.compactMap { $0["status"] as? String })
        #expect(states == ["draft", "submitted", "returned", "withdrawn", "rejected", "converted", "merged",
                           "filed", "assigned", "handling", "replied", "concluded"], "\(states)")
        let numbers = all.compactMap { $0["number"] as? Int }.sorted()
        #expect(numbers.count > 200)
        #expect(numbers == Array(1...numbers.count), "立案编号连续")
        #expect(result.stdout.contains("重点提案"), "摘要应包含提案的一年")
        let rules = try cli.run(["proposal", "rules", "--office", "ordos", "--year", "2026"])
        #expect(rules.status == 0, "\(rules.stderr)")
        #expect(rules.stdout.contains("未达到") && rules.stdout.contains("达到"))
        #expect(rules.stdout.contains("民族和宗教委员会"))
        let overdue = try cli.run(["proposal", "overdue", "--office", "ordos", "--json"])
        let late = try #require(try JSONSerialization.jsonObject(with: Data(overdue.stdout.utf8)) as? [[String: Any]])
        #expect(!late.isEmpty && late.contains { $0["key_supervisor"] is String }, "超期的承办中有一件重点提案")

        // The example reports of scripts/examples run against the demo data.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let examples = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("scripts/examples").path)
            .filter { $0.hasSuffix(".lua") }.sorted()
        #expect(examples.count >= 9)
        let out = cli.folder.appendingPathComponent("报表")
        for example in examples {
            let path = root.appendingPathComponent("scripts/examples/\(example)").path
            let run = try cli.run(["run", path, "--office", "ordos", "--out", out.path])
            #expect(run.status == 0, "\(example)：\(run.stderr)")
            #expect(run.stdout.split(separator: "\n").count > 3, "\(example) 应输出报表")
        }
        // The first header, the number of rows and the last header of the first sheet, read back by openpyxl.
        func read(_ xlsx: String) throws -> String {
            let reader = Process()
            reader.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            reader.arguments = ["-c", "import openpyxl,sys; ws=openpyxl.load_workbook(sys.argv[1]).active; print(ws.cell(1,1).value, ws.max_row, ws.cell(1, ws.max_column).value)",
                                xlsx]
            let pipe = Pipe()
            reader.standardOutput = pipe
            try reader.run()
            let read = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            reader.waitUntilExit()
            #expect(reader.terminationStatus == 0, "openpyxl 读 \(xlsx)")
            return read.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(try read(out.appendingPathComponent("界别人数.xlsx").path).hasPrefix("界别 32"), "30 个界别 + 表头 + 合计")
        // The annual statistics: categories × states, a header, six categories and a totals row.
        let statistics = try read(out.appendingPathComponent("提案统计.xlsx").path)
        #expect(statistics.hasPrefix("类别 8 "), "表头 + 六个类别 + 合计：\(statistics)")
        #expect(statistics.hasSuffix("合计"), "最后一列为合计：\(statistics)")
        // The handling units' evaluation: one row per unit that handled a proposal.
        let evaluation = try read(out.appendingPathComponent("承办单位考评.xlsx").path)
        let unitRows = Int(evaluation.split(separator: " ")[1]) ?? 0
        #expect(evaluation.hasPrefix("名次 ") && (31...81).contains(unitRows), "表头 + 30–80 个承办单位：\(evaluation)")
    }
}
