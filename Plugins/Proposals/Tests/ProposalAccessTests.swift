import Foundation
import GRDB
import Testing
import LvzhiCore
import LvzhiStorage
@testable import Proposals

/// Who sees which proposal (``ProposalAccess``): every role against a proposal in every state,
/// through every read path. The table here is the one in docs/proposals.md §2.1.
@Suite("提案：可见范围（谁在什么状态下看到哪件提案）")
final class ProposalAccessTests {
    let f: ProposalFixture
    /// The proposals by state name; all by 张伟, `joint` with 巴特尔 as co-signer (not yet confirmed).
    var ids: [String: Int64] = [:]

    /// Viewers: the office, the proposer, a co-signer, another member, the unit they were
    /// assigned to, a unit that gave one back, a unit never involved, and an archivist (no member record).
    static let viewers = ["staff", "zhangwei", "bater", "wulan", "fagai", "jiaoyu", "caizheng", "archivist"]

    /// The states and who sees each (besides staff and 张伟, who see them all).
    static let table: [(state: String, seenBy: Set<String>)] = [
        ("draft", []),
        ("joint", ["bater"]),
        ("submitted", []),
        ("returned", []),
        ("withdrawn", []),
        ("rejected", []),
        ("converted", []),
        ("filed", ["bater", "wulan", "archivist"]),
        ("merged", ["bater", "wulan", "archivist"]),
        ("givenBack", ["bater", "wulan", "archivist", "jiaoyu"]),
        ("handling", ["bater", "wulan", "archivist", "fagai"]),
        ("replied", ["bater", "wulan", "archivist", "fagai"]),
        ("published", ["bater", "wulan", "archivist", "fagai"]),
        ("private", ["fagai"]),
    ]

    init() throws {
        f = try ProposalFixture(label: "access")
        try f.scratch.user("archivist", .archivist, in: "ordos")
        func submitted(_ title: String) throws -> Int64 {
            let id = try f.store("zhangwei").draft(officeCode: "ordos", ProposalDraft(title: title, body: "正文", category: "经济")).id!
            _ = try f.store("zhangwei").apply(.submit, id: id)
            return id
        }
        let staff = try f.store("staff")
        ids["draft"] = try f.store("zhangwei").draft(officeCode: "ordos", ProposalDraft(title: "关于暂存草稿的建议", body: "", category: "经济")).id!
        ids["joint"] = try f.store("zhangwei").draft(officeCode: "ordos", ProposalDraft(title: "关于联名草稿的建议", body: "", category: "经济",
                                                                                           kind: .joint, cosignerIDs: [f.members[1]])).id!
        ids["submitted"] = try submitted("关于待审查的建议")
        ids["returned"] = try submitted("关于退回修改的建议")
        _ = try staff.apply(.returnForRevision, id: ids["returned"]!, note: "请补充数据")
        ids["withdrawn"] = try submitted("关于撤回的建议")
        _ = try f.store("zhangwei").apply(.withdraw, id: ids["withdrawn"]!)
        ids["rejected"] = try submitted("关于学术问题的建议")
        _ = try staff.apply(.reject, id: ids["rejected"]!, note: "属于学术探讨", ground: "6")
        ids["converted"] = try submitted("关于转为意见的建议")
        _ = try staff.apply(.convert, id: ids["converted"]!, note: "转有关部门参考")
        ids["filed"] = try f.filed("关于已立案的建议")
        ids["merged"] = try submitted("关于并案的建议")
        _ = try staff.apply(.merge, id: ids["merged"]!, mergeInto: ids["filed"]!)
        ids["givenBack"] = try f.filed("关于退回承办的建议")
        try staff.assign(id: ids["givenBack"]!, lead: ProposalFixture.units[1])
        try f.store("jiaoyu").giveBack(id: ids["givenBack"]!, reason: "不属于本单位职责")
        ids["handling"] = try f.handling("关于办理中的建议")
        ids["replied"] = try f.handling("关于已答复未公布的建议")
        try f.store("fagai").reply(id: ids["replied"]!, ReplyInput(outcome: "B", body: "正在研究", contactPerson: "王科长", contactPhone: "0477-8588000"))
        ids["published"] = try f.published("关于答复已公布的建议")
        ids["private"] = try f.handling("关于不公开的建议")
        try staff.flag(id: ids["private"]!, isPublic: false, reason: "涉及敏感信息")
    }

    func sees(_ viewer: String, _ state: String) -> Bool {
        viewer == "staff" || viewer == "zhangwei" || Self.table.first { $0.state == state }!.seenBy.contains(viewer)
    }

    func expected(_ viewer: String) -> [Int64] {
        Self.table.filter { sees(viewer, $0.state) }.map { ids[$0.state]! }.sorted()
    }

    @Test("列表与件数：每个角色只得到可见的提案", arguments: viewers)
    func lists(viewer: String) throws {
        let store = try f.store(viewer)
        #expect(try store.list(officeCode: "ordos").map { $0.id! } == expected(viewer))
        let scope = try f.scope(viewer)
        #expect(try f.host.read { db in try ProposalQuery().request(scope: scope, db: db).fetchCount(db) } == expected(viewer).count)
    }

    @Test("按 ID 查看：看不到的与不存在的一样，都是「找不到」", arguments: viewers)
    func details(viewer: String) throws {
        let store = try f.store(viewer)
        for (state, _) in Self.table {
            let id = ids[state]!
            if sees(viewer, state) {
                #expect(try store.detail(id: id).proposal.id == id, "\(viewer) 应看到 \(state)")
                #expect(try store.similar(id: id).allSatisfy { expected(viewer).contains($0.id) })
            } else {
                let error = #expect(throws: LvzhiError.self, "\(viewer) 不应看到 \(state)") { try store.detail(id: id) }
                let missing = #expect(throws: LvzhiError.self) { try store.detail(id: 999_999) }
                #expect(error?.code == .notFound && error?.description == missing?.description.replacingOccurrences(of: "999999", with: String(id)))
                #expect(throws: LvzhiError.self) { try store.similar(id: id) }
            }
        }
    }

    @Test("步骤也先看可见范围：对看不到的提案操作，回答「找不到」而不是「权限不足」")
    func stepsOnInvisibleProposals() throws {
        let before = try f.snapshot()
        let confirm = #expect(throws: LvzhiError.self) { try self.f.store("wulan").confirm(id: self.ids["joint"]!) }
        #expect(confirm?.code == .notFound)
        let accept = #expect(throws: LvzhiError.self) { try self.f.store("caizheng").accept(id: self.ids["private"]!) }
        #expect(accept?.code == .notFound)
        let rate = #expect(throws: LvzhiError.self) { try self.f.store("wulan").rate(id: self.ids["private"]!, rating: "满意") }
        #expect(rate?.code == .notFound)
        // A visible proposal the user may not act on is refused for the permission.
        let file = #expect(throws: LvzhiError.self) { try self.f.store("wulan").apply(.file, id: self.ids["filed"]!) }
        #expect(file?.code == .permissionDenied)
        #expect(try f.snapshot() == before)
    }

    @Test("一件提案里各人看到的部分：答复、退回理由、测评、办理记录、不公开理由")
    func partsOfADetail() throws {
        // Before publication: the unit that replied sees its reply; the proposer and the public do not.
        #expect(try f.store("fagai").detail(id: ids["replied"]!).replies.count == 1)
        #expect(try f.store("zhangwei").detail(id: ids["replied"]!).replies.isEmpty)
        #expect(try f.store("wulan").detail(id: ids["replied"]!).replies.isEmpty)
        #expect(try f.store("staff").detail(id: ids["replied"]!).replies.count == 1)
        // After: the proposer in full, everyone else the public version.
        #expect(try f.store("zhangwei").detail(id: ids["published"]!).replies.first?.contactPerson == "王科长")
        let outside = try f.store("wulan").detail(id: ids["published"]!)
        #expect(outside.replies.count == 1 && outside.replies[0].contactPerson == nil)
        #expect(outside.steps.isEmpty && outside.ratings.isEmpty && outside.contacts.isEmpty)
        // A unit's reason for giving a proposal back is the office's and the unit's, not the public's.
        #expect(try f.store("staff").detail(id: ids["givenBack"]!).units[0].part.returnedReason == "不属于本单位职责")
        #expect(try f.store("jiaoyu").detail(id: ids["givenBack"]!).units[0].part.returnedReason == "不属于本单位职责")
        #expect(try f.store("zhangwei").detail(id: ids["givenBack"]!).units[0].part.returnedReason == nil)
        #expect(try f.store("wulan").detail(id: ids["givenBack"]!).units[0].part.returnedReason == nil)
        // The non-public reason stays with the office, also in listings.
        #expect(try f.store("staff").detail(id: ids["private"]!).proposal.privateReason == "涉及敏感信息")
        #expect(try f.store("zhangwei").detail(id: ids["private"]!).proposal.privateReason == nil)
        #expect(try f.store("zhangwei").list(officeCode: "ordos").allSatisfy { $0.privateReason == nil })
        #expect(try f.store("fagai").detail(id: ids["private"]!).proposal.privateReason == nil)
        // The proposer sees the office's note when it returned his proposal.
        #expect(try f.store("zhangwei").detail(id: ids["returned"]!).steps.contains { $0.note == "请补充数据" })
    }

    @Test("统计、承办单位评议、超期、规则、公开导出只计可见的提案", arguments: viewers)
    func reports(viewer: String) throws {
        let scope = try f.scope(viewer)
        let visible = Set(expected(viewer))
        let visibleProposals = try f.host.read { db in try Proposal.fetchAll(db, keys: Array(visible)) }
        let totals = try f.host.read { db in try ProposalStatistics.totals(scope: scope, year: nil, db: db) }
        #expect(totals.submitted == visibleProposals.filter { $0.status != .draft }.count)
        let byCategory = try f.host.read { db in try ProposalStatistics.byCategory(scope: scope, year: nil, db: db) }
        #expect(byCategory.reduce(0) { $0 + $1.total } == totals.submitted)
        #expect((scope.note == nil) == (viewer == "staff"), "看不到全部提案的人，统计要说明范围")
        let units = try f.host.read { db in try ProposalStatistics.units(scope: scope, year: nil, db: db) }
        let parts = try f.host.read { db in try ProposalUnit.filter(visible.contains(Column("proposal_id"))).fetchCount(db) }
        #expect(units.reduce(0) { $0 + $1.lead + $1.co + $1.returned } == parts)
        let warnings = try f.host.read { db in try ProposalDeadlines.warnings(scope: scope, within: 365, db: db) }
        #expect(warnings.allSatisfy { visible.contains($0.proposalID) })
        let context = try f.host.context(for: viewer)
        let export = try f.host.read { db in try ProposalExport.table(scope: scope, query: ProposalQuery(), isPublic: true, context: context, db: db) }
        let titles = Set(visibleProposals.map(\.title))
        #expect(export.rows.allSatisfy { titles.contains($0[export.headers.firstIndex(of: "案由")!]) })
    }

    @Test("撰写时的重复提醒不泄露别人尚未立案的提案")
    func duplicateWarning() throws {
        let mine = try f.store("wulan").draft(officeCode: "ordos", ProposalDraft(title: "关于待审查的建议", body: "", category: "经济")).id!
        _ = try f.store("wulan").apply(.submit, id: mine)
        #expect(try f.store("wulan").similar(id: mine).isEmpty, "张伟待审查的同名提案不应出现在乌兰的重复提醒中")
        #expect(try f.store("staff").similar(id: mine).map(\.id) == [ids["submitted"]!], "工作人员看得到")
        let filedAlike = try f.store("wulan").draft(officeCode: "ordos", ProposalDraft(title: "关于已立案的建议", body: "", category: "经济")).id!
        #expect(try f.store("wulan").similar(id: filedAlike).map(\.id) == [ids["filed"]!])
    }
}
