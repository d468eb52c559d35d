import Foundation
import Testing

/// `lvzhi archive` as archivists and members meet it: collection, accessions, the tree, search, reports.
@Suite("命令行：文史资料")
struct ArchiveCommandLineTests {
    @Test("征集来稿、接收登记、著录、检索、报表；委员看不到受限条目；错误退出码 1")
    func archive() throws {
        let cli = try CommandLineRunner.withOrganisation([
            ["modules", "enable", "archive", "--office", "ordos"],
            ["user", "add", "dangan", "--name", "李档案", "--office", "ordos", "--role", "archivist"],
            ["user", "add", "zhangwei", "--name", "张伟", "--office", "ordos", "--role", "member", "--member", "1"],
        ])
        _ = try cli.ok(["archive", "plan", "add", "--office", "ordos", "--kind", "annual", "--period", "2026", "--title", "2026年征集计划",
                    "--theme", "口述史", "--target", "10"], as: "dangan")
        _ = try cli.ok(["archive", "campaign", "add", "--office", "ordos", "--plan", "1", "--title", "改革开放亲历记征集"], as: "dangan")
        #expect(try cli.ok(["archive", "submission", "add", "--office", "ordos", "--title", "我在准格尔旗的三十年", "--sanqin", "亲历", "--campaign", "1"],
                       as: "zhangwei").contains("等待文史工作人员审核"))
        try cli.refused(["archive", "submission", "accept", "1"], as: "zhangwei", "权限不足")
        #expect(try cli.ok(["archive", "submission", "accept", "1", "--note", "史料价值高"], as: "dangan").contains("2026-0001"))
        _ = try cli.ok(["archive", "accession", "add", "--office", "ordos", "--title", "口述录音", "--acquisition", "捐赠", "--access-restricted",
                    "--access-note", "口述者要求暂不开放"], as: "dangan")
        try cli.refused(["archive", "accession", "add", "--office", "ordos", "--title", "x", "--acquisition", "借用"], as: "dangan", "借用")

        let text = try cli.file("回忆.txt", Data("一九四九年秋，伊克昭盟和平解放，我亲眼看见了文史资料中记载的那一幕。".utf8))
        _ = try cli.ok(["archive", "unit", "add", "--office", "ordos", "--level", "全宗", "--code", "WS", "--title", "文史资料"], as: "dangan")
        _ = try cli.ok(["archive", "unit", "add", "--office", "ordos", "--level", "件", "--parent", "1", "--code", "WS-001", "--title", "伊克昭盟解放亲历记",
                    "--date", "约1985年", "--manuscript", "手稿", "--accession", "1", "--text-file", text], as: "dangan")
        _ = try cli.ok(["archive", "unit", "add", "--office", "ordos", "--level", "件", "--parent", "1", "--code", "WS-002", "--title", "口述录音整理稿",
                    "--accession", "2", "--summary", "伊克昭盟的口述"], as: "dangan")
        try cli.refused(["archive", "unit", "add", "--office", "ordos", "--level", "全宗", "--parent", "2", "--code", "WS-X", "--title", "x"], as: "dangan", "层级")
        try cli.refused(["archive", "unit", "add", "--office", "ordos", "--level", "件", "--code", "WS-001", "--title", "重复"], as: "dangan", "档号")

        let found = try cli.ok(["archive", "search", "伊克昭盟", "--office", "ordos"], as: "zhangwei")
        #expect(found.contains("WS-001") && found.contains("【伊克昭盟】"))
        #expect(!found.contains("WS-002"), "受开放限制的条目委员检索不到")
        #expect(try cli.ok(["archive", "search", "伊克昭盟", "--office", "ordos"], as: "dangan").contains("WS-002"))
        #expect(try cli.ok(["archive", "search", "文史", "--office", "ordos"], as: "zhangwei").contains("WS-001"))
        try cli.refused(["archive", "unit", "show", "3"], as: "zhangwei", "找不到著录条目")
        #expect(try cli.ok(["archive", "unit", "show", "2", "--text"], as: "zhangwei").contains("约1985年"))
        #expect(try cli.ok(["archive", "unit", "tree", "--office", "ordos"], as: "dangan").contains("  件 WS-002"))

        #expect(try cli.ok(["archive", "report", "register", "--office", "ordos"], as: "dangan").contains("张伟"))
        #expect(try cli.ok(["archive", "report", "backlog", "--office", "ordos"], as: "dangan").contains("2026-0002"))
        #expect(try cli.ok(["archive", "report", "members", "--office", "ordos"], as: "dangan").contains("张伟"))
        #expect(try cli.ok(["archive", "plan", "list", "--office", "ordos"], as: "dangan").contains("10.0%"))
        #expect(try cli.ok(["duty", "list", "--office", "ordos", "--member", "1"]).contains("提供文史资料"))

        let lua = try cli.run(["eval", "return #lvzhi.archive.search('伊克昭盟'), lvzhi.archive.unit(2).path[1]", "--office", "ordos"], user: "zhangwei")
        #expect(lua.stdout == "1\tWS\n", "\(lua.stderr)")
    }
}
