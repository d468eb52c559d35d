import Foundation
import Testing

/// Who sees which proposal, as users meet it: the same rule from `lvzhi proposal` and from Lua;
/// and a script run for one office acts on that office's records only.
@Suite("命令行：提案的可见范围与脚本的政协范围")
struct ProposalAccessCommandLineTests {
    /// The city with members 张伟 (1) and 乌兰 (2), two units, the district 东胜区, users for each
    /// part, and six proposals by 张伟: 1 暂存, 2 待审查, 3 不予立案, 4 已立案, 5 交办发改委, 6 交办发改委且不公开.
    static func office() throws -> CommandLineRunner {
        let cli = try CommandLineRunner.withOrganisation([
            ["member", "add", "--office", "ordos", "--name", "乌兰", "--gender", "女", "--sector", "经济界"],
            ["unit", "add", "市发展和改革委员会", "--office", "ordos"],
            ["unit", "add", "市教育体育局", "--office", "ordos"],
            ["office", "add", "dongsheng", "政协鄂尔多斯市东胜区委员会", "--parent", "ordos"],
            ["term", "add", "3", "--office", "dongsheng", "--start", "2022-01-06"],
            ["modules", "enable", "proposals", "--office", "ordos"],
            ["modules", "enable", "proposals", "--office", "dongsheng"],
            ["user", "add", "zhangwei", "--name", "张伟", "--office", "ordos", "--role", "member", "--member", "1"],
            ["user", "add", "wulan", "--name", "乌兰", "--office", "ordos", "--role", "member", "--member", "2"],
            ["user", "add", "fagai", "--name", "发改委", "--office", "ordos", "--role", "handling_unit", "--unit", "市发展和改革委员会"],
            ["user", "add", "jiaoyu", "--name", "教体局", "--office", "ordos", "--role", "handling_unit", "--unit", "市教育体育局"],
        ])
        _ = try cli.ok(["eval", """
            local p = lvzhi.proposals
            local function new(title) return p.draft{ title = title, category = "经济", member = 1 } end
            new("关于暂存的建议")
            p.submit(new("关于待审查的建议"))
            local rejected = new("关于学术问题的建议"); p.submit(rejected); p.reject(rejected, { ground = "6", note = "属于学术探讨" })
            local filed = new("关于已立案的建议"); p.submit(filed); p.file(filed)
            local handled = new("关于办理中的建议"); p.submit(handled); p.file(handled); p.assign(handled, { lead = "市发展和改革委员会" })
            local private = new("关于不公开的建议"); p.submit(private); p.file(private); p.assign(private, { lead = "市发展和改革委员会" })
            p.flag(private, { public = false, reason = "涉及敏感信息" })
            """, "--office", "ordos"])
        return cli
    }

    /// Who sees which of the six proposals.
    static let visible: [String: [Int]] = [
        "admin": [1, 2, 3, 4, 5, 6], "zhangwei": [1, 2, 3, 4, 5, 6], "wulan": [4, 5], "fagai": [5, 6], "jiaoyu": [],
    ]

    @Test("委员、承办单位、工作人员：命令行与 Lua 看到同样的提案；看不到的就是「找不到」")
    func sameRuleEverywhere() throws {
        let cli = try Self.office()
        for (user, ids) in Self.visible {
            let list = try cli.ok(["proposal", "list", "--office", "ordos", "--json"], as: user)
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.utf8)) as? [[String: Any]])
            #expect(rows.compactMap { $0["id"] as? Int } == ids, "\(user) 的 proposal list")
            let lua = try cli.ok(["eval", """
                local seen = {}
                for p in lvzhi.proposals.each{} do seen[#seen + 1] = p.id end
                return table.concat(seen, ","), lvzhi.proposals.count{}, #lvzhi.proposals.list{}
                """, "--office", "ordos"], as: user)
            #expect(lua == "\(ids.map(String.init).joined(separator: ","))\t\(ids.count)\t\(ids.count)\n", "\(user) 的 lvzhi.proposals.each")
            for id in 1...6 where !ids.contains(id) {
                try cli.refused(["proposal", "show", String(id)], as: user, "找不到提案：ID \(id)")
                let get = try cli.ok(["eval", "return pcall(lvzhi.proposals.get, \(id))", "--office", "ordos"], as: user)
                #expect(get.hasPrefix("false\t") && get.contains("找不到提案：ID \(id)"), "\(user) get(\(id))：\(get)")
            }
        }
        // The rejection ground and the non-public reason are not for other members' eyes.
        #expect(!(try cli.ok(["proposal", "list", "--office", "ordos", "--json"], as: "wulan")).contains("学术探讨"))
        #expect(!(try cli.ok(["proposal", "show", "6", "--json"], as: "fagai")).contains("涉及敏感信息"))
        #expect(try cli.ok(["proposal", "show", "6", "--json"]).contains("涉及敏感信息"))
    }

    @Test("统计只计可见的提案，并说明范围")
    func statisticsSayWhatTheyCount() throws {
        let cli = try Self.office()
        let staff = try cli.ok(["proposal", "stats", "--office", "ordos"])
        #expect(staff.contains("提交 5 件") && !staff.contains("只统计"))
        let member = try cli.ok(["proposal", "stats", "--office", "ordos"], as: "wulan")
        #expect(member.contains("只统计本人的提案和已立案并公开的提案") && member.contains("提交 2 件"), "\(member)")
        let lua = try cli.ok(["eval", "local s = lvzhi.proposals.stats{} return s.totals.submitted, s.scope", "--office", "ordos"], as: "fagai")
        #expect(lua == "2\t只统计交办给本单位的提案\n")
    }

    @Test("为一个政协运行的脚本只读写该政协的记录：别的政协的提案读不到、也改不了")
    func scriptsStayInTheirOffice() throws {
        let cli = try Self.office()
        func state() throws -> String {
            try cli.ok(["proposal", "list", "--office", "ordos", "--json"]) + cli.ok(["audit", "list", "--office", "ordos", "--json"])
        }
        let before = try state()
        for code in ["return lvzhi.proposals.get(2)", "return lvzhi.proposals.file(2)", "return lvzhi.proposals.detail(4)",
                     "return lvzhi.proposals.assign(4, { lead = \"市教育体育局\" })", "return lvzhi.proposals.flag(4, { excellent = true })"] {
            try cli.refused(["eval", code, "--office", "dongsheng"], "找不到")
        }
        #expect(try cli.ok(["eval", "return lvzhi.proposals.count{}", "--office", "dongsheng"]) == "0\n")
        #expect(try state() == before, "被拒绝的脚本不改变数据库")
        #expect(try cli.ok(["eval", "return lvzhi.proposals.file(2)", "--office", "ordos"]) == "filed\n")
        // Raw SQL would read past the office scope: a district's administrator may not use it.
        _ = try cli.ok(["user", "add", "ds-admin", "--name", "东胜区管理员", "--office", "dongsheng", "--role", "administrator"])
        try cli.refused(["eval", "return #lvzhi.db.query(\"SELECT id FROM proposals\")", "--office", "dongsheng"], as: "ds-admin", "最上级政协的管理员")
        #expect(try cli.ok(["eval", "return #lvzhi.db.query(\"SELECT id FROM proposals\")", "--office", "dongsheng"]) == "6\n")
    }
}
