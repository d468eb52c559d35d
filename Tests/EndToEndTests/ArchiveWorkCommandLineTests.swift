import Foundation
import Testing

/// `lvzhi archive interview|transcript|segment|review|version|volume|exhibition|request` and
/// their Lua functions, as archivists and members meet them.
@Suite("命令行：口述史、编审、出版、展陈、复制利用")
struct ArchiveWorkCommandLineTests {
    @Test("口述史采访、整理稿版本与检索、索引片段、编审、出辑、展陈、申请与审批；错误退出码 1 并说明原因；Lua 接口")
    func workflow() throws {
        let cli = try CommandLineRunner.withOrganisation([
            ["modules", "enable", "archive", "--office", "ordos"],
            ["user", "add", "dangan", "--name", "李档案", "--office", "ordos", "--role", "archivist"],
            ["user", "add", "zhangwei", "--name", "张伟", "--office", "ordos", "--role", "member", "--member", "1"],
        ])
        // The archivist acts unless a test says otherwise.
        func ok(_ arguments: [String], as user: String? = "dangan") throws -> String { try cli.ok(arguments, as: user) }
        func refused(_ arguments: [String], as user: String? = "dangan", _ message: String) throws { try cli.refused(arguments, as: user, message) }
        func json(_ arguments: [String], as user: String? = "dangan") throws -> [[String: Any]] {
            let out = try ok(arguments + ["--json"], as: user)
            return try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
        }

        // Oral history: the interview makes its unit; the member narrator's duty record.
        _ = try ok(["archive", "agent", "add", "--office", "ordos", "--name", "李采集"])
        _ = try ok(["archive", "unit", "add", "--office", "ordos", "--level", "系列", "--code", "KS", "--title", "口述史料"])
        #expect(try ok(["archive", "interview", "add", "--office", "ordos", "--code", "KS-001", "--title", "我在准格尔旗的三十年", "--parent", "1",
                        "--narrator-member", "1", "--interviewer", "1", "--date", "2026-03-12", "--place", "薛家湾", "--duration", "01:35:00",
                        "--dialect", "鄂尔多斯方言"]).contains("口述者 张伟"))
        try refused(["archive", "interview", "add", "--office", "ordos", "--unit", "2", "--narrator", "1", "--interviewer", "1"], "已登记了口述史采访")
        try refused(["archive", "interview", "add", "--office", "ordos", "--code", "KS-002", "--title", "x", "--narrator", "1", "--interviewer", "1"],
                    as: "zhangwei", "权限不足")
        #expect(try ok(["duty", "list", "--office", "ordos", "--member", "1"], as: nil).contains("讲述口述史料"))

        // Transcripts: a GB18030 file, then a second version; search finds only the latest words.
        let gb = try cli.file("初稿.txt", try #require(try CommandLineRunner.gb18030("一九七九年，我到准格尔旗煤矿打井。那时候路不好走。")))
        #expect(try ok(["archive", "transcript", "add", "1", "--file", gb, "--note", "初稿"]).contains("第 1 版（25 字）"))
        #expect(try ok(["archive", "search", "打井", "--office", "ordos"], as: "zhangwei").contains("KS-001"))
        let v2 = try cli.file("二稿.txt", Data("一九七九年，我到准格尔旗煤矿当工人。那时候路不好走。".utf8))
        #expect(try ok(["archive", "transcript", "add", "1", "--file", v2, "--note", "口述者审阅后修改"]).contains("第 2 版"))
        #expect(try ok(["archive", "search", "打井", "--office", "ordos"], as: "zhangwei").contains("没有找到"))
        #expect(try ok(["archive", "search", "工人", "--office", "ordos"], as: "zhangwei").contains("【工人】"))
        #expect(try ok(["archive", "transcript", "show", "1", "--revision", "1"], as: "zhangwei").contains("打井"))
        try refused(["archive", "transcript", "add", "1", "--file", v2], "完全相同")
        #expect(try json(["archive", "transcript", "list", "1"]).count == 2)

        // Segments.
        #expect(try ok(["archive", "segment", "add", "1", "--start", "00:12:30", "--title", "初到煤矿", "--from", "0", "--to", "18",
                        "--keywords", "煤矿、准格尔旗"]).contains("第 2 版第 0–18 字"))
        try refused(["archive", "segment", "add", "1", "--start", "00:20:00", "--title", "越界", "--from", "10", "--to", "99"], "超出第 2 版整理稿的长度（共 26 字）")
        try refused(["archive", "segment", "add", "1", "--start", "02:00:00", "--title", "太晚", "--from", "0", "--to", "5"], "晚于采访时长")
        let segments = try json(["archive", "segment", "list", "1"], as: "zhangwei")
        #expect(segments.first?["text"] as? String == "一九七九年，我到准格尔旗煤矿当工人。" && segments.first?["start"] as? String == "00:12:30")
        #expect(try ok(["archive", "interview", "show", "1"], as: "zhangwei").contains("初到煤矿"))
        let interviews = try json(["archive", "interview", "list", "--office", "ordos"], as: "zhangwei")
        #expect(interviews.first?["transcript_versions"] as? Int == 2 && interviews.first?["consent_given"] as? Bool == false)

        // Editorial review and the volume.
        _ = try ok(["archive", "unit", "add", "--office", "ordos", "--level", "件", "--code", "WS-001", "--title", "难忘的岁月", "--creator", "王某某"])
        _ = try ok(["archive", "unit", "add", "--office", "ordos", "--level", "件", "--code", "WS-002", "--title", "退稿的一篇"])
        try refused(["archive", "review", "add", "4", "--decision", "退稿", "--reviewer", "张编审"], "须写明退稿理由")
        _ = try ok(["archive", "review", "add", "4", "--decision", "退稿", "--reviewer", "张编审", "--note", "史实有误"])
        #expect(try ok(["archive", "review", "add", "3", "--decision", "修改后采用", "--reviewer", "张编审、李编审", "--note", "核实人名"]).contains("第 1 轮"))
        #expect(try json(["archive", "review", "list", "3"]).first?["decision_title"] as? String == "修改后采用")
        let edited = try cli.file("修改稿.txt", Data("难忘的岁月（修改稿）".utf8))
        #expect(try ok(["archive", "version", "add", "3", "--file", edited, "--round", "1"]).contains("第 1 版"))
        #expect(try ok(["archive", "version", "show", "3"]).contains("修改稿"))
        _ = try ok(["archive", "volume", "add", "--office", "ordos", "--series", "鄂尔多斯文史资料", "--number", "12", "--title", "改革开放亲历记",
                    "--date", "2026-06", "--editor", "张编审", "--isbn", "978-7-111-11111-5"])
        try refused(["archive", "volume", "add", "--office", "ordos", "--series", "鄂尔多斯文史资料", "--number", "12", "--title", "重复"], "已经登记")
        #expect(try ok(["archive", "volume", "add-item", "1", "--unit", "3", "--pages", "1-18"]).contains("第 1–18 页"))
        try refused(["archive", "volume", "add-item", "1", "--unit", "4", "--pages", "19-30"], "决定为「退稿」")
        try refused(["archive", "volume", "add-item", "1", "--unit", "2", "--pages", "19-30"], "还没有编审记录")
        _ = try ok(["archive", "review", "add", "2", "--decision", "采用", "--reviewer", "张编审"])
        try refused(["archive", "volume", "add-item", "1", "--unit", "2", "--pages", "19-30"], "授权书")
        _ = try ok(["archive", "interview", "update", "1", "--consent", "--narrator-reviewed"])
        try refused(["archive", "volume", "add-item", "1", "--unit", "2", "--pages", "18-30"], "重叠")
        _ = try ok(["archive", "volume", "add-item", "1", "--unit", "2", "--pages", "19-30", "--author", "张伟口述　李采集整理"])
        let contents = try ok(["archive", "volume", "show", "1"], as: "zhangwei")
        #expect(contents.contains("《鄂尔多斯文史资料》第12辑") && contents.contains("19–30") && contents.contains("张伟口述　李采集整理"))
        #expect(try json(["archive", "volume", "list", "--office", "ordos"]).first?["pages"] as? Int == 30)
        #expect(try ok(["archive", "volume", "contents", "--office", "ordos"]).contains("难忘的岁月"))

        // Exhibition.
        _ = try ok(["archive", "unit", "add", "--office", "ordos", "--level", "件", "--code", "WS-003", "--title", "控制的照片", "--openness", "控制"])
        _ = try ok(["archive", "unit", "add", "--office", "ordos", "--level", "件", "--code", "WS-004", "--title", "秘密的电报", "--secrecy", "秘密"])
        _ = try ok(["archive", "exhibition", "add", "--office", "ordos", "--title", "鄂尔多斯政协七十年", "--from", "2026-05-01", "--to", "2026-12-31"])
        _ = try ok(["archive", "exhibition", "section", "1", "--title", "协商建国"])
        _ = try ok(["archive", "exhibition", "item", "1", "--unit", "3", "--label", "难忘的岁月（手稿）", "--original"])
        try refused(["archive", "exhibition", "item", "1", "--unit", "5", "--label", "照片", "--original"], "只能展出复制件")
        _ = try ok(["archive", "exhibition", "item", "1", "--unit", "5", "--label", "照片（复制件）"])
        try refused(["archive", "exhibition", "item", "1", "--unit", "6", "--label", "电报"], "秘密及以上")
        let shown = try ok(["archive", "exhibition", "show", "1"], as: "zhangwei")
        #expect(shown.contains("第1单元　协商建国") && shown.contains("难忘的岁月（手稿）") && shown.contains("复制件"))
        #expect(try json(["archive", "exhibition", "list", "--office", "ordos"], as: "zhangwei").first?["items"] as? Int == 2)

        // Requests: the member asks; he may not approve; hidden units are not found; the archivist decides.
        #expect(try ok(["archive", "request", "add", "--unit", "3", "--kind", "复制", "--purpose", "家属留存"], as: "zhangwei").contains("等待文史工作人员审批"))
        try refused(["archive", "request", "add", "--unit", "6", "--kind", "利用", "--purpose", "研究"], as: "zhangwei", "找不到著录条目")
        try refused(["archive", "request", "add", "--unit", "6", "--kind", "利用", "--purpose", "研究", "--for", "某研究所"], "秘密及以上")
        try refused(["archive", "request", "approve", "1"], as: "zhangwei", "权限不足")
        _ = try ok(["archive", "request", "add", "--unit", "5", "--kind", "利用", "--purpose", "撰写论文", "--for", "某大学 某教授"])
        try refused(["archive", "request", "approve", "2"], "须写明依据")
        _ = try ok(["archive", "request", "approve", "2", "--note", "经分管副主席批准"])
        try refused(["archive", "request", "show", "2"], as: "zhangwei", "找不到复制利用申请")
        #expect(try json(["archive", "request", "list", "--office", "ordos"], as: "zhangwei").map { $0["id"] as? Int } == [1])
        #expect(try json(["archive", "request", "list", "--office", "ordos"]).count == 2)

        // Lua: the queries and the main steps, with the same rules.
        let lua = try cli.run(["eval", """
            local i = lvzhi.archive.interviews()[1]
            local t = lvzhi.archive.transcript(i.id, 1)
            local c = lvzhi.archive.volume(1)
            return i.narrator, t.version, lvzhi.archive.segments(i.id)[1].start, #c.contents, c.contents[2].pages,
                   lvzhi.archive.exhibition(1).sections[1].items[2].form_title, #lvzhi.archive.requests{status = "pending"}
            """, "--office", "ordos"], user: "dangan")
        #expect(lua.stdout == "张伟\t1\t00:12:30\t2\t19–30\t复制件\t1\n", "\(lua.stderr)")
        let steps = try cli.run(["eval", """
            lvzhi.archive.refuse_request(1, "暂不提供复制")
            local round = lvzhi.archive.review{unit = 4, decision = "修改后采用", reviewers = "张编审", note = "已更正"}
            local item = lvzhi.archive.add_to_volume{volume = 1, unit = 4, from = 31, to = 40}
            return round, item, lvzhi.archive.requests{status = "refused"}[1].status_title
            """, "--office", "ordos"], user: "dangan")
        #expect(steps.stdout == "2\t3\t未同意\n", "\(steps.stderr)")
        let memberLua = try cli.run(["eval", "return lvzhi.archive.request{unit = 3, kind = '利用', purpose = '研究'}, #lvzhi.archive.requests()",
                                     "--office", "ordos"], user: "zhangwei")
        #expect(memberLua.stdout == "3\t2\n", "\(memberLua.stderr)")
        let denied = try cli.run(["eval", "return lvzhi.archive.approve_request(3)", "--office", "ordos"], user: "zhangwei")
        #expect(denied.status == 1 && denied.stderr.contains("权限不足"))
    }

}
