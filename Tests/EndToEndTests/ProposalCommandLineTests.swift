import Foundation
import Testing

/// `lvzhi proposal` as a user meets it.
@Suite("命令行：提案")
struct ProposalCommandLineTests {
    @Test("撰写、提交、立案、列表；非法步骤退出码 1 且说明原因")
    func workflow() throws {
        let cli = try CommandLineRunner.withOrganisation([
            ["user", "add", "zhangwei", "--name", "张伟", "--office", "ordos", "--role", "member", "--member", "1"],
        ])
        let disabled = try cli.run(["proposal", "list", "--office", "ordos"])
        #expect(disabled.status == 1)
        #expect(disabled.stderr.contains("模块未启用"))
        #expect(try cli.run(["modules", "enable", "proposals", "--office", "ordos"]).status == 0)
        let draft = try cli.run(["proposal", "draft", "--office", "ordos", "--title", "关于加快黄河流域生态保护的建议", "--category", "生态文明"], user: "zhangwei")
        #expect(draft.status == 0, "\(draft.stderr)")
        #expect(try cli.run(["proposal", "submit", "1"], user: "zhangwei").status == 0)
        let memberFiles = try cli.run(["proposal", "file", "1"], user: "zhangwei")
        #expect(memberFiles.status == 1)
        #expect(memberFiles.stderr.contains("权限不足"))
        let filed = try cli.run(["proposal", "file", "1"])
        #expect(filed.stdout.contains("第0001号"), "\(filed.stderr)")
        let twice = try cli.run(["proposal", "file", "1"])
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("已立案"))
        let list = try cli.run(["proposal", "list", "--office", "ordos", "--status", "filed", "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows.first?["number"] as? Int == 1)
        #expect(try cli.run(["proposal", "show", "1"]).stdout.contains("立案"))

        // The same steps from Lua go through the same transition table.
        let lua = try cli.run(["eval", """
            local id = lvzhi.proposals.draft{ title = "关于加强草原保护的建议", category = "生态文明", member = 1 }
            lvzhi.proposals.submit(id)
            local ok, message = pcall(lvzhi.proposals.submit, id)
            return lvzhi.proposals.file(id), lvzhi.proposals.get(id).number, lvzhi.proposals.count{ status = "filed" }, ok
            """, "--office", "ordos"])
        #expect(lua.stdout == "filed\t2\t2\tfalse\n", "\(lua.stderr)")
    }

    @Test("办理到办结：交办、接收、答复、公布、测评；统计、评议、超期、规则、导出；设置与履职档案；非法步骤退出码 1")
    func handling() throws {
        let cli = try CommandLineRunner.withOrganisation([
            ["member", "add", "--office", "ordos", "--name", "巴特尔", "--gender", "男", "--sector", "经济界", "--role", "副主席"],
            ["unit", "add", "市发展和改革委员会", "--office", "ordos"],
            ["unit", "add", "市财政局", "--office", "ordos"],
            ["committee", "add", "economy", "经济委员会", "--office", "ordos"],
            ["modules", "enable", "proposals", "--office", "ordos"],
            ["user", "add", "zhangwei", "--name", "张伟", "--office", "ordos", "--role", "member", "--member", "1"],
            ["user", "add", "fagai", "--name", "发改委", "--office", "ordos", "--role", "handling_unit", "--unit", "市发展和改革委员会"],
            ["user", "add", "caizheng", "--name", "财政局", "--office", "ordos", "--role", "handling_unit", "--unit", "市财政局"],
        ])
        // Settings of the office: a category of its own, a shorter deadline.
        #expect(try cli.ok(["modules", "settings", "proposals", "--office", "ordos"]).contains("handling_months"))
        _ = try cli.ok(["modules", "set", "proposals", "categories", "经济、民生、其他", "--office", "ordos"])
        try cli.refused(["modules", "set", "proposals", "handling_months", "99", "--office", "ordos"], "1–12")

        _ = try cli.ok(["proposal", "draft", "--office", "ordos", "--title", "关于加快现代能源经济发展的建议", "--category", "经济"], as: "zhangwei")
        _ = try cli.ok(["proposal", "submit", "1"], as: "zhangwei")
        _ = try cli.ok(["proposal", "file", "1"])
        try cli.refused(["proposal", "reply", "1", "--outcome", "A", "--body", "答复"], as: "fagai", "找不到提案：ID 1")
        _ = try cli.ok(["proposal", "assign", "1", "--lead", "市发展和改革委员会", "--co", "市财政局"])
        try cli.refused(["proposal", "reply", "1", "--outcome", "A", "--body", "答复"], as: "fagai", "已交办（待接收）")
        _ = try cli.ok(["proposal", "accept", "1"], as: "fagai")
        _ = try cli.ok(["proposal", "accept", "1"], as: "caizheng")
        try cli.refused(["proposal", "reply", "1", "--outcome", "A", "--body", "答复"], as: "caizheng", "协办")
        _ = try cli.ok(["proposal", "opinion", "1", "--note", "财政资金予以支持"], as: "caizheng")
        _ = try cli.ok(["proposal", "contact", "1", "--method", "面谈", "--stage", "办前", "--summary", "听取提案人意见"], as: "fagai")
        _ = try cli.ok(["proposal", "key", "1", "--year", "2026", "--supervisor-member", "2"])
        _ = try cli.ok(["proposal", "supervise", "1", "--note", "督办座谈"])
        let body = try cli.file("答复.txt", Data("经研究，已采纳并列入计划。联系电话 0477-8588000。".utf8))
        _ = try cli.ok(["proposal", "reply", "1", "--outcome", "A", "--body-file", body, "--doc-number", "鄂发改函〔2026〕1号",
                    "--contact-person", "王科长", "--contact-phone", "0477-8588000"], as: "fagai")
        try cli.refused(["proposal", "rate", "1", "--rating", "满意"], as: "zhangwei", "尚未公布")
        #expect(!(try cli.ok(["proposal", "show", "1"], as: "zhangwei")).contains("已采纳并列入计划"), "公布前委员看不到答复")
        #expect(try cli.ok(["proposal", "publish", "--all", "--office", "ordos"]).contains("1 件"))
        try cli.refused(["proposal", "rate", "1", "--rating", "很好"], as: "zhangwei", "满意")
        #expect(try cli.ok(["proposal", "rate", "1", "--rating", "满意"], as: "zhangwei").contains("已办结"))
        let shown = try cli.ok(["proposal", "show", "1"])
        for text in ["已采纳并列入计划", "财政资金予以支持", "张伟 满意", "督办座谈", "副主席 巴特尔", "听取提案人意见"] {
            #expect(shown.contains(text), "show 应包含「\(text)」")
        }

        // Reports.
        #expect(try cli.ok(["proposal", "stats", "--office", "ordos", "--year", "2026"]).contains("立案 1 件"))
        let units = try JSONSerialization.jsonObject(with: Data(try cli.ok(["proposal", "units", "--office", "ordos", "--json"]).utf8)) as? [[String: Any]]
        #expect(units?.first?["unit"] as? String == "市发展和改革委员会")
        #expect(units?.first?["satisfaction_percent"] as? Double == 100)
        #expect(try cli.ok(["proposal", "overdue", "--office", "ordos"]).contains("没有超期"))
        #expect(try cli.ok(["proposal", "rules", "--office", "ordos", "--year", "2026"]).contains("经济委员会"))
        #expect(try cli.ok(["proposal", "list", "--office", "ordos", "--key", "--unit", "市财政局"]).contains("重点"))
        try cli.refused(["proposal", "list", "--office", "ordos", "--unit", "市体育局"], "找不到承办单位")
        let csv = cli.folder.appendingPathComponent("公开.csv").path
        _ = try cli.ok(["proposal", "export", "--office", "ordos", "--out", csv, "--public"], as: "zhangwei")
        let exported = try String(contentsOfFile: csv, encoding: .utf8)
        #expect(exported.contains("关于加快现代能源经济发展的建议") && !exported.contains("王科长") && !exported.contains("0477-8588000"))
        try cli.refused(["proposal", "export", "--office", "ordos", "--out", csv], as: "zhangwei", "权限不足")
        _ = try cli.ok(["proposal", "export", "--office", "ordos", "--out", cli.folder.appendingPathComponent("全部.xlsx").path])
        #expect(try cli.ok(["duty", "list", "--office", "ordos", "--member", "1"]).contains("关于加快现代能源经济发展的建议"))

        // The same steps and reports from Lua.
        let lua = try cli.run(["eval", """
            local id = lvzhi.proposals.draft{ title = "关于完善社区养老服务的建议", category = "民生", member = 1 }
            lvzhi.proposals.submit(id); lvzhi.proposals.file(id)
            lvzhi.proposals.assign(id, { lead = "市财政局" })
            local ok, err = pcall(lvzhi.proposals.reply, id, { outcome = "A", body = "x" })
            local s = lvzhi.proposals.stats{ year = 2026 }
            return lvzhi.proposals.get(id).status, ok, s.totals.filed, #lvzhi.proposals.unit_stats{}, lvzhi.duty.summary{}[1].total,
                   lvzhi.modules.settings("proposals").handling_months
            """, "--office", "ordos"])
        #expect(lua.stdout == "assigned\tfalse\t2\t2\t2\t3\n", "\(lua.stderr)")

        // A number that is not one is refused, naming the option, not taken as absent.
        let bad = try cli.run(["eval", """
            local a, e1 = pcall(lvzhi.proposals.rate, 1, { rating = "满意", member = "张伟" })
            local b, e2 = pcall(lvzhi.proposals.draft, { title = "关于某事的建议", category = "民生", cosigners = { "巴特尔" } })
            return a, tostring(e1):find("member", 1, true) ~= nil and tostring(e1):find("应为 ID", 1, true) ~= nil,
                   b, tostring(e2):find("cosigners", 1, true) ~= nil
            """, "--office", "ordos"])
        #expect(bad.stdout == "false\ttrue\tfalse\ttrue\n", "\(bad.stdout)\(bad.stderr)")
    }
}
