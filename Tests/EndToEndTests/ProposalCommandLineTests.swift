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
}
