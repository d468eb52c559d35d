import Foundation
import GRDB
import Testing

/// What the command line says when something is wrong: Chinese usage errors and help pages
/// instead of argument-parser's English, the value and the expected form in every refusal,
/// and no library text (SQLite, Foundation, the CSV reader) reaching the user.
@Suite("命令行：用法错误、帮助与错误信息都是中文，并说清楚错在哪里")
struct CommandLineMessageTests {
    /// The parser's English words that must not reach a user.
    static let english = ["OVERVIEW", "USAGE", "OPTIONS", "SUBCOMMANDS", "ARGUMENTS", "Show help information", "Show the version",
                          "for detailed help", "unexpected argument", "Missing value", "is invalid for", "Unknown option", "(default"]

    @Test("打错的子命令：说是未知的子命令并给出最接近的（memebr → member，lst → list），退出码 2")
    func unknownSubcommand() throws {
        let cli = try CommandLineRunner.withOrganisation()
        let root = try cli.run(["memebr", "list"])
        #expect(root.status == 2)
        #expect(root.stderr.contains("未知的子命令 'memebr'") && root.stderr.contains("'member'"), "\(root.stderr)")
        let nested = try cli.run(["member", "lst", "--office", "ordos"])
        #expect(nested.status == 2)
        #expect(nested.stderr.contains("未知的子命令 'lst'") && nested.stderr.contains("'list'"), "\(nested.stderr)")
        #expect(nested.stderr.contains("lvzhi member --help"), "\(nested.stderr)")
        let far = try cli.run(["xyzzy"])
        #expect(far.status == 2 && far.stderr.contains("可用的子命令") && far.stderr.contains("member"), "\(far.stderr)")
        for result in [root, nested, far] {
            for word in Self.english { #expect(!result.stderr.contains(word), "\(result.stderr)") }
        }
    }

    @Test("表格中的审计操作和用户角色是中文；--json 保留存储的英文标识")
    func auditAndRolesInChinese() throws {
        let cli = try CommandLineRunner.withOrganisation([["user", "add", "wang", "--name", "王芳", "--office", "ordos", "--role", "staff"],
                                                          ["modules", "enable", "notices", "--office", "ordos"]])
        let audit = try cli.ok(["audit", "list", "--office", "ordos"])
        #expect(audit.contains("新增") && audit.contains("启用模块"), "\(audit)")
        #expect(!audit.contains(" insert ") && !audit.contains(" enable "), "\(audit)")
        #expect(try cli.ok(["audit", "list", "--office", "ordos", "--json"]).contains("\"action\" : \"enable\""))
        let users = try cli.ok(["user", "list"])
        #expect(users.contains("ordos 工作人员") && !users.contains("ordos:staff"), "\(users)")
        #expect(try cli.ok(["user", "list", "--json"]).contains("ordos:staff"))
    }

    @Test("负数作选项的值（--limit -5、--year -1）：按取值检查并说明范围，不说 Missing value")
    func negativeValues() throws {
        let cli = try HostileInputTests.office()
        let limit = try cli.run(["audit", "list", "--office", "ordos", "--limit", "-5"])
        #expect(limit.status == 1 && limit.stderr.contains("-5") && limit.stderr.contains("之间"), "\(limit.stderr)")
        let year = try cli.run(["proposal", "list", "--office", "ordos", "--year", "-1"])
        #expect(year.status == 1 && year.stderr.contains("-1") && year.stderr.contains("之间"), "\(year.stderr)")
        for result in [limit, year] { #expect(!result.stderr.contains("Missing value"), "\(result.stderr)") }
        // The year rule is the same for listings and statistics.
        let listZero = try cli.run(["proposal", "list", "--office", "ordos", "--year", "0"])
        let statsZero = try cli.run(["proposal", "stats", "--office", "ordos", "--year", "0"])
        #expect(listZero.status == 1 && statsZero.status == 1, "\(listZero.stderr)\(statsZero.stderr)")
        #expect(listZero.stderr.contains("1949") && statsZero.stderr.contains("1949"), "\(listZero.stderr)\(statsZero.stderr)")
    }

    @Test("不是数字的取值（--year 二〇二六）：说明应为整数；--timeout 说明应为数字")
    func notANumber() throws {
        let cli = try CommandLineRunner.withOrganisation()
        let year = try cli.run(["duty", "list", "--office", "ordos", "--year", "二〇二六"])
        #expect(year.status == 2 && year.stderr.contains("'二〇二六'") && year.stderr.contains("应为整数"), "\(year.stderr)")
        let timeout = try cli.run(["eval", "1", "--office", "ordos", "--timeout", "半分钟"])
        #expect(timeout.status == 2 && timeout.stderr.contains("应为数字"), "\(timeout.stderr)")
        let missing = try cli.run(["office", "list", "--as"])
        #expect(missing.status == 2 && missing.stderr.contains("缺少取值"), "\(missing.stderr)")
        for result in [year, timeout, missing] {
            for word in Self.english { #expect(!result.stderr.contains(word), "\(result.stderr)") }
        }
    }

    @Test("--help 与 lvzhi help：标题和内置说明是中文（概要、用法、选项、子命令、显示帮助信息、显示版本）")
    func helpInChinese() throws {
        let cli = try CommandLineRunner()
        for arguments in [["--help"], ["member", "--help"], ["proposal", "list", "--help"], ["help", "member"], ["help", "member", "add"],
                          ["archive", "fixity", "--help"], ["help"]] {
            let result = try cli.run(arguments)
            let command = "lvzhi \(arguments.joined(separator: " "))"
            #expect(result.status == 0, "\(command)：\(result.stderr)")
            for word in Self.english { #expect(!result.stdout.contains(word), "\(command) 仍有英文「\(word)」：\n\(result.stdout)") }
            #expect(result.stdout.contains("用法：") && result.stdout.contains("选项：") && result.stdout.contains("显示帮助信息"), "\(command)：\(result.stdout)")
        }
        let root = try cli.run(["--help"]).stdout
        #expect(root.contains("概要：") && root.contains("子命令：") && root.contains("显示版本") && root.contains("lvzhi help <子命令>"), "\(root)")
        #expect(try cli.run(["archive", "fixity", "--help"]).stdout.contains("（默认）"))
        #expect(try cli.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    }

    /// Every help page of the command tree, by command path (`[]` is `lvzhi` itself), found by
    /// following the 子命令 and 业务模块 sections of each page.
    static func helpPages(_ cli: CommandLineRunner) throws -> [(path: [String], page: String)] {
        var pending: [[String]] = [[]], pages: [(path: [String], page: String)] = []
        while let path = pending.popLast() {
            let page = try cli.run(path + ["--help"]).stdout
            pages.append((path, page))
            for heading in ["子命令：\n", "业务模块：\n"] {
                guard let section = page.components(separatedBy: heading).dropFirst().first else { continue }
                for line in section.components(separatedBy: "\n") {
                    guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first, name != "help" else {
                        if line.isEmpty { break } else { continue }
                    }
                    pending.append(path + [String(name)])
                }
            }
        }
        return pages.sorted { $0.path.lexicographicallyPrecedes($1.path) }
    }

    @Test("命令树中每一页帮助：没有英文的 default/values、没有空的（）、默认值不说两遍、占位符是大写的 <NAME>（不是 <name>）")
    func everyHelpPage() throws {
        let pages = try Self.helpPages(try CommandLineRunner())
        for (path, page) in pages {
            let command = "lvzhi \(path.joined(separator: " "))"
            for word in ["default:", "values:", "（）"] { #expect(!page.contains(word), "\(command) 的帮助中有「\(word)」：\n\(page)") }
            for line in page.split(separator: "\n") where line.contains("（默认：") {
                #expect(!line.split(separator: "（默认：")[0].contains("默认"), "\(command) 的帮助把默认值说了两遍：\(line)")
            }
            let lowercase = page.matches(of: /<[a-z][a-z-]*>/).map { String($0.output) }
            #expect(lowercase.isEmpty, "\(command) 的帮助中有小写占位符 \(lowercase)")
        }
        #expect(pages.count > 150, "只走到 \(pages.count) 页帮助")
    }

    /// docs/cli-help.md: every help page, in command order, as the program prints it.
    static func helpReference(_ pages: [(path: [String], page: String)]) -> String {
        var text = "# lvzhi 命令行帮助（全部页面）\n\n由测试 `CommandLineMessageTests.helpTree` 核对：与 `lvzhi … --help` 的输出逐字相同。"
            + "改动命令后执行 `LVZHI_WRITE_HELP=1 swift test --filter helpTree` 重新生成，并检查差异。\n"
        for (path, page) in pages {
            text += "\n## lvzhi\(path.map { " " + $0 }.joined())\n\n```text\n\(page.hasSuffix("\n") ? page : page + "\n")```\n"
        }
        return text
    }

    @Test("docs/cli-help.md 与命令树的每一页帮助逐字相同（命令、选项和说明没有在不知不觉中改变）")
    func helpTree() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = root.appendingPathComponent("docs/cli-help.md")
        let generated = Self.helpReference(try Self.helpPages(try CommandLineRunner()))
        if ProcessInfo.processInfo.environment["LVZHI_WRITE_HELP"] == "1" {
            try generated.write(to: file, atomically: true, encoding: .utf8)
        }
        let documented = try String(contentsOf: file, encoding: .utf8)
        #expect(documented == generated, "docs/cli-help.md 已过期：请执行 LVZHI_WRITE_HELP=1 swift test --filter helpTree 并检查差异")
    }

    @Test("日期：月在前的写法说明应写成的格式；0001-01-01 与 9999-12-31 是有效日期")
    func dates() throws {
        let cli = try CommandLineRunner.withOrganisation()
        let monthFirst = try cli.run(["audit", "list", "--office", "ordos", "--since", "03/12/2026"])
        #expect(monthFirst.status == 1 && monthFirst.stderr.contains("无法识别的日期格式") && monthFirst.stderr.contains("2026-03-12"), "\(monthFirst.stderr)")
        #expect(!monthFirst.stderr.contains("不存在的日期"))
        try cli.ok(["audit", "list", "--office", "ordos", "--since", "9999-12-31"])
        try cli.ok(["audit", "list", "--office", "ordos", "--since", "0001-01-01"])
        try cli.refused(["audit", "list", "--office", "ordos", "--since", "0000-01-01"], "0001 至 9999")
        try cli.refused(["member", "add", "--office", "ordos", "--name", "李明", "--gender", "男", "--sector", "经济界", "--birth", "1850-01-01"], "1900 至 2100")
    }

    @Test("空白的取值被拒绝：--name 只有空白、--birth ''、--as ''、--db ''（不会悄悄用默认值）")
    func blankValues() throws {
        let cli = try CommandLineRunner.withOrganisation()
        try cli.refused(["member", "add", "--office", "ordos", "--name", "\t\n", "--gender", "男", "--sector", "经济界"], "姓名不能为空")
        let birth = try cli.run(["member", "add", "--office", "ordos", "--name", "李明", "--gender", "男", "--sector", "经济界", "--birth", ""])
        #expect(birth.status == 2 && birth.stderr.contains("--birth 的取值为空"), "\(birth.stderr)")
        let user = try cli.run(["office", "list", "--as", ""])
        #expect(user.status == 2 && user.stderr.contains("--as 的取值为空"), "\(user.stderr)")
        let db = try cli.run(["office", "list", "--db", ""])
        #expect(db.status == 2 && db.stderr.contains("--db 的取值为空"), "\(db.stderr)")
        #expect(try cli.run(["init", "--db", " "]).status == 2)
        #expect(!(try cli.ok(["member", "list", "--office", "ordos"])).contains("李明"), "被拒绝的委员没有登记")
    }

    @Test("另一个程序占着写锁：等待之后是中文说明（不是 database is locked），什么也没写；锁释放后照常")
    func databaseBusy() throws {
        let cli = try CommandLineRunner.withOrganisation()
        let holder = try DatabaseQueue(path: cli.database)
        let add = ["member", "add", "--office", "ordos", "--name", "王五", "--gender", "男", "--sector", "经济界"]
        try holder.inDatabase { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            let result = try cli.run(add)
            #expect(result.status == 1)
            #expect(result.stderr.contains("数据库正被另一个程序使用"), "\(result.stderr)")
            #expect(!result.stderr.contains("locked") && !result.stderr.contains("SQLite"), "\(result.stderr)")
            try db.execute(sql: "ROLLBACK")
        }
        #expect(try cli.run(["eval", "lvzhi.members.count{}"]).stdout == "1\n")
        try cli.ok(add)
    }

    @Test("不是数据库的 --db：每种情况都是中文说明，没有 SQLite error")
    func notADatabase() throws {
        let cli = try CommandLineRunner.withOrganisation()
        var header = Data("SQLite format 3\u{0}".utf8)
        header.append(Data(repeating: 0x41, count: 4096))
        let fake = try cli.file("fake.sqlite", header)
        let real = try Data(contentsOf: URL(fileURLWithPath: cli.database))
        let truncated = try cli.file("truncated.sqlite", real.prefix(4096))
        for path in [fake, truncated, "/etc/passwd", cli.folder.path] {
            let result = try cli.run(["office", "list", "--db", path])
            #expect(result.status == 1, "\(path)：\(result.stderr)")
            #expect(result.stderr.hasPrefix("错误：") && !result.stderr.contains("SQLite error") && !result.stderr.contains("while executing"),
                    "\(path)：\(result.stderr)")
        }
    }

    @Test("库的内部文字不会出现：空 CSV、--out 是文件、300 字的报表文件名、过长的查询条件")
    func noInternalText() throws {
        let cli = try CommandLineRunner.withOrganisation()
        let empty = try cli.file("空.csv", Data())
        let csv = try cli.run(["member", "import", empty, "--office", "ordos"])
        #expect(csv.status == 1 && csv.stderr.contains("没有表头") && !csv.stderr.contains("cannotReadHeaderRow"), "\(csv.stderr)")
        let file = try cli.file("报表", Data("x".utf8))
        let out = try cli.run(["eval", "1", "--office", "ordos", "--out", file])
        #expect(out.status == 1 && out.stderr.contains("不是目录") && !out.stderr.contains("NSCocoaErrorDomain"), "\(out.stderr)")
        let long = String(repeating: "名", count: 300)
        let save = try cli.run(["eval", "lvzhi.report.save('\(long).csv', {{1}})", "--office", "ordos", "--out", cli.folder.appendingPathComponent("out").path])
        #expect(save.status == 1 && save.stderr.contains("太长") && !save.stderr.contains("cannotOpenFile"), "\(save.stderr)")
        for ext in ["csv", "xlsx"] {
            let export = try cli.run(["proposal", "export", "--office", "ordos", "--out", "\(long).\(ext)"])
            #expect(export.status == 2 && export.stderr.contains("文件名太长") && !export.stderr.contains("Error creating"), "\(export.stderr)")
        }
        let like = try cli.run(["member", "list", "--office", "ordos", "--name", String(repeating: "%_", count: 30_000)])
        #expect(like.status == 1 && like.stderr.contains("查询条件太长") && !like.stderr.contains("LIKE"), "\(like.stderr)")
    }

    @Test("lvzhi run 目录、/dev/zero：说明错在哪里（是目录、不是普通文件），而不是“找不到”")
    func runWhatIsWrong() throws {
        let cli = try CommandLineRunner.withOrganisation()
        try cli.refused(["run", cli.folder.path, "--office", "ordos"], "是一个目录")
        try cli.refused(["run", "/dev/zero", "--office", "ordos"], "不是普通文件")
        try cli.refused(["run", cli.folder.appendingPathComponent("没有.lua").path, "--office", "ordos"], "找不到脚本文件")
    }

    @Test("打错的选项：相近时提示最接近的（--yaer → --year），差得远时不乱猜（--foo 不提示 --db）")
    func unknownOption() throws {
        let cli = try CommandLineRunner.withOrganisation()
        let near = try cli.run(["proposal", "list", "--office", "ordos", "--yaer", "2026"])
        #expect(near.status == 2 && near.stderr.contains("未知选项 '--yaer'，是否要用 '--year'？"), "\(near.stderr)")
        let far = try cli.run(["proposal", "list", "--office", "ordos", "--foo"])
        #expect(far.status == 2 && far.stderr.contains("未知选项 '--foo'") && !far.stderr.contains("是否要用"), "\(far.stderr)")
    }

    @Test("duty list/summary --kind 与 lvzhi.duty.list{kind=}：打错的种类被拒绝并列出可用的种类，不是空结果")
    func dutyKindChecked() throws {
        let cli = try CommandLineRunner.withOrganisation([["modules", "enable", "proposals", "--office", "ordos"]])
        try cli.refused(["duty", "list", "--office", "ordos", "--kind", "nosuch"], "履职记录种类「nosuch」无效")
        try cli.refused(["duty", "summary", "--office", "ordos", "--kind", "nosuch"], "proposals.first")
        try cli.refused(["eval", "lvzhi.duty.list{ kind = 'nosuch' }", "--office", "ordos"], "不是已有的种类")
        try cli.ok(["duty", "list", "--office", "ordos", "--kind", "proposals.first"])
    }

    @Test("archive agent add --kind 单位：信息里保留原值；同名的人物照常登记，但提示已有的那一位")
    func agentKindKeepsValue() throws {
        let cli = try CommandLineRunner.withOrganisation([["modules", "enable", "archive", "--office", "ordos"]])
        try cli.refused(["archive", "agent", "add", "--office", "ordos", "--kind", "单位", "--name", "某局"], "类型「单位」无效")
        let first = try cli.run(["archive", "agent", "add", "--office", "ordos", "--name", "李文史"])
        #expect(first.status == 0 && !first.stderr.contains("同名"), "\(first.stderr)")
        let second = try cli.run(["archive", "agent", "add", "--office", "ordos", "--name", "李文史"])
        #expect(second.status == 0 && second.stderr.contains("已有同名的人物或机构：李文史（ID 1）"), "\(second.stderr)")
    }

    @Test("演示数据库：提示中的示例脚本是绝对路径，在任何目录都能运行；本政协的状态名称与简写的提案类型可用于筛选；展品加在单元中并说明展览与单元")
    func demoDatabase() throws {
        let cli = try CommandLineRunner()
        let demo = try cli.ok(["demo"])
        let hint = try #require(demo.split(separator: "\n").first { $0.contains("lvzhi run ") }, "\(demo)")
        let script = try #require(hint.split(separator: " ").first { $0.hasSuffix(".lua") }.map(String.init))
        #expect(script.hasPrefix("/") && FileManager.default.fileExists(atPath: script), "\(hint)")
        #expect(hint.contains("--db /"), "\(hint)")

        // Kinds: the short and the long names.
        let individual = try cli.ok(["proposal", "list", "--office", "ordos", "--kind", "个人", "--json"])
        let individualLong = try cli.ok(["proposal", "list", "--office", "ordos", "--kind", "个人提案", "--json"])
        #expect(individual == individualLong)
        #expect(individual.contains("\"kind\" : \"individual\"") && !individual.contains("\"kind\" : \"joint\""))
        #expect(try cli.ok(["proposal", "list", "--office", "ordos", "--kind", "联名", "--json"]).contains("\"kind\" : \"joint\""))

        // The office's own status names, in the CLI and in Lua.
        try cli.ok(["modules", "set", "proposals", "status_labels", "handling=承办中", "--office", "ordos"])
        let handling = try cli.ok(["proposal", "list", "--office", "ordos", "--status", "承办中"])
        let byID = try cli.ok(["proposal", "list", "--office", "ordos", "--status", "handling"])
        #expect(handling.contains("承办中") && handling == byID)
        #expect(try cli.ok(["eval", "#lvzhi.proposals.list{status = '承办中'}", "--office", "ordos"]) != "0\n")
        try cli.refused(["proposal", "list", "--office", "ordos", "--status", "承办"], "handling（承办中，即办理中）")

        // Exhibition items go into a section (单元); the message names it and its exhibition.
        let archivist = "li.wenshi"
        _ = try cli.ok(["archive", "exhibition", "add", "--office", "ordos", "--title", "治沙成就展"], as: archivist)
        let section = try cli.ok(["archive", "exhibition", "section", "2", "--title", "库布其"], as: archivist)
        let sectionID = try #require(section.firstMatch(of: /单元 ID (\d+)/).map { String($0.output.1) })
        let units = try #require(try JSONSerialization.jsonObject(with: Data(try cli.ok(["archive", "unit", "list", "--office", "ordos", "--json"], as: archivist).utf8)) as? [[String: Any]])
        let unit = try #require(units.first { $0["reference_code"] as? String == "WS-02-0004" }?["id"] as? Int)
        let added = try cli.ok(["archive", "exhibition", "item", sectionID, "--unit", String(unit), "--label", "库布其沙漠边上的三十年（复制件）"], as: archivist)
        #expect(added.contains("治沙成就展") && added.contains("单元 ID \(sectionID)") && added.contains("库布其"), "\(added)")
        try cli.refused(["archive", "exhibition", "item", "99", "--unit", String(unit), "--label", "x"], as: archivist, "不是展览 ID")
        #expect(try cli.ok(["archive", "exhibition", "item", "--help"]).contains("不是展览 ID"))
    }
}
