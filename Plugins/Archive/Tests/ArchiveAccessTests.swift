import Foundation
import GRDB
import Testing
import LvzhiCore
import LvzhiStorage
@testable import Archive

/// Who sees what, and the Chinese search over the real source documents.
@Suite("文史资料：访问控制与中文检索")
final class ArchiveAccessTests {
    let f: ArchiveFixture
    var ids: [String: Int64] = [:]

    init() throws {
        f = try ArchiveFixture(label: "archive-access")
        let fonds = try f.unit("全宗", "WS", "政协制度文件汇集")
        for (name, text) in try ArchiveFixture.seeds() {
            let title = String(text.split(separator: "\n").first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? Substring(name))
                .trimmingCharacters(in: .whitespaces)
            ids[name] = try f.unit("件", "WS-\(name.prefix(3))", title, parent: fonds.id, body: text).id!
        }
    }

    var member: String { "weiyuan" }

    func search(_ query: String, as user: String = "weiyuan") throws -> [ArchiveSearchHit] {
        try f.read(user) { c, db in try ArchiveSearch.search(query, officeCode: "ordos", limit: 50, context: c, db: db).hits }
    }

    @Test("真实文本：两个字的词在句中也能检索到，结果带原文摘录")
    func searchSeeds() throws {
        let hits = try search("文史")
        #expect(hits.contains { $0.id == ids["002_17b00ac26e4194dc.txt"] }, "《关于加强和改进专门委员会工作的意见》谈到文史资料")
        #expect(hits.allSatisfy { $0.snippet.contains("【") })
        let party = try search("党小组")
        #expect(party.first?.id == ids["000_90998f8174104536.txt"] || party.contains { $0.id == ids["000_90998f8174104536.txt"] })
        #expect(try search("２０２６年").count == (try search("2026年")).count, "全角输入与半角相同")
        #expect(try search("没有这样的词语组合").isEmpty)
    }

    @Test("受限、涉密、不开放和已注销的条目：委员在列表、读取、检索中都看不到；文史工作人员都看得到")
    func restrictedItemsAreHidden() throws {
        let series = try f.unit("系列", "KS", "口述史料")
        let open = try f.unit("件", "KS-1", "草原上的文史口述", parent: series.id, body: "口述者讲述了当年的文史工作。")
        let secret = try f.unit("件", "KS-2", "涉密的文史口述", parent: series.id, body: "口述内容涉及秘密。", secrecy: "秘密")
        let closed = try f.unit("件", "KS-3", "不开放的文史口述", parent: series.id, body: "口述暂不开放。", openness: "不开放")
        let accession = try f.write { tx in try AccessionStore.register(officeCode: "ordos", AccessionInput(title: "限制开放的口述录音", acquisition: "捐赠",
            restriction: RestrictionInput(access: true, accessNote: "口述者要求十年后开放", accessEndsOn: CalendarDate.adding(days: 30, to: Timestamp.todayInBeijing()))), tx: tx) }
        let restricted = try f.unit("件", "KS-4", "限制开放的文史口述", parent: series.id, body: "口述者要求暂缓开放。", accession: accession.id)

        let memberSees = try f.read(member) { c, db in try DescriptionStore.list(officeCode: "ordos", UnitFilter(parentID: series.id), context: c, db: db) }
        #expect(memberSees.map(\.id) == [open.id])
        #expect(Set(try search("口述").map(\.id)).isSubset(of: Set([open.id!, series.id!] + ids.values)))
        #expect(try search("口述", as: "dangan").count >= 4)
        for hidden in [secret, closed, restricted] {
            let error = #expect(throws: LvzhiError.self) { try self.f.read(self.member) { c, db in try ArchiveAccess.unit(hidden.id!, context: c, db: db) } }
            #expect(error?.code == .notFound, "看不到的条目视为不存在")
            #expect(try f.read { c, db in try ArchiveAccess.unit(hidden.id!, context: c, db: db) }.unit.id == hidden.id)
        }
        // The restriction ends: the item opens by itself.
        try Timestamp.pretending(CalendarDate.adding(days: 30, to: Timestamp.todayInBeijing())) {
            let hits = try search("暂缓")
            #expect(hits.map(\.id) == [restricted.id])
        }
        // Deaccessioned material is hidden again.
        _ = try f.write { tx in try AccessionStore.restrict(id: accession.id!, RestrictionInput(access: false), tx: tx) }
        #expect(try search("暂缓").map(\.id) == [restricted.id])
        _ = try f.write { tx in try AccessionStore.deaccession(id: accession.id!, reason: "退还", tx: tx) }
        #expect(try search("暂缓").isEmpty)
    }

    @Test("检索先过滤再分页：第一页不会因为隐藏的条目而变少")
    func filterBeforeLimit() throws {
        for i in 1...5 { try f.unit("件", "S-\(i)", "涉密材料\(i)", body: "伊克昭盟档案", secrecy: "机密") }
        let open = try f.unit("件", "O-1", "公开材料", body: "伊克昭盟档案")
        let page = try f.read(member) { c, db in try ArchiveSearch.search("伊克昭盟", officeCode: "ordos", limit: 1, context: c, db: db) }
        #expect(page.hits.map(\.id) == [open.id] && page.total == 1)
    }

    @Test("修改著录后立即可检索到新的内容，旧的内容不再命中")
    func reindexOnUpdate() throws {
        let unit = try f.unit("件", "R-1", "旧题名", body: "鄂尔多斯高原")
        #expect(try search("高原").map(\.id) == [unit.id])
        _ = try f.write { tx in try DescriptionStore.update(id: unit.id!, UnitInput(body: "黄河几字弯"), tx: tx) }
        #expect(try search("高原").isEmpty)
        #expect(try search("几字弯").map(\.id) == [unit.id])
    }
}
