import Foundation
import GRDB
import Testing
import LvzhiCore
import LvzhiStorage
import LvzhiTestSupport
@testable import Proposals

/// What surrounds handling: the duty record, key proposals and supervision, flags, contacts,
/// the reviewer pool, the office's settings, the duplicate warning and the schema upgrade.
@Suite("提案：履职档案、重点提案、标记、沟通、专家库、设置")
final class ProposalRecordsTests {
    let f: ProposalFixture
    init() throws { f = try ProposalFixture(label: "records") }

    @Test("立案时记入履职档案：第一提案人、附议人、集体提案执笔人；并案的提案同样记入；不重复")
    func dutyRecord() throws {
        let joint = try f.filed("关于完善社区养老服务的建议", cosigners: [1])
        let collective = try f.store("staff").draft(officeCode: "ordos", ProposalDraft(
            title: "关于发展现代能源经济的建议", body: "", category: "经济", kind: .collective, collectiveBody: "经济委员会", authorIDs: [f.members[3]])).id!
        _ = try f.store("staff").apply(.submit, id: collective)
        _ = try f.store("staff").apply(.file, id: collective)
        let merged = try f.store("wulan").draft(officeCode: "ordos", ProposalDraft(title: "关于社区养老的建议", body: "", category: "社会")).id!
        _ = try f.store("wulan").apply(.submit, id: merged)
        _ = try f.store("staff").apply(.merge, id: merged, mergeInto: joint)
        let records = try DutyRecordStore(host: f.host, context: f.admin).list(officeCode: "ordos")
        #expect(records.map(\.kind) == ["proposals.first", "proposals.cosigner", "proposals.collective", "proposals.first"])
        #expect(records.map(\.member) == ["张伟", "巴特尔", "李娜", "乌兰"])
        #expect(records[0].kindTitle == "提出提案并立案（第一提案人）")
        let summary = try DutyRecordStore(host: f.host, context: f.admin).summary(officeCode: "ordos", filter: DutyFilter(year: Int(Timestamp.todayInBeijing().prefix(4))))
        #expect(summary.first { $0.member == "张伟" }?.counts == ["proposals.first": 1])
        #expect(try DutyRecordStore(host: f.host, context: f.admin).list(officeCode: "ordos", filter: DutyFilter(year: 1999)).isEmpty)
    }

    @Test("重点提案：主席会议成员领衔督办，或政府领导领办；督办记录（交办之后、不晚于今天）；普通委员不能督办")
    func keyProposals() throws {
        let id = try f.handling()
        #expect(throws: LvzhiError.self) { try self.f.store("staff").markKey(id: id, year: 2026, supervisorMemberID: self.f.members[2]) }
        let key = try f.store("staff").markKey(id: id, year: 2026, supervisorMemberID: f.members[1])
        #expect(key.isKey && key.keySupervisor == "副主席 巴特尔" && key.keyMode == "督办")
        let other = try f.filed("关于另一件事的建议")
        #expect(try f.store("staff").markKey(id: other, year: 2026, supervisor: "副市长 王某某").keyMode == "领办")
        #expect(try f.store("staff").list(officeCode: "ordos", ProposalQuery(year: 2026, key: true)).map(\.id) == [id, other])
        #expect(throws: LvzhiError.self) { try self.f.store("staff").supervise(id: other, note: "尚未交办不能督办") }
        let today = Timestamp.todayInBeijing()
        let beforeAssignment = #expect(throws: LvzhiError.self) {
            try self.f.store("staff").supervise(id: id, note: "交办之前", on: CalendarDate.adding(days: -1, to: today))
        }
        #expect(beforeAssignment?.message.contains("早于提案 \(id) 的交办日期") == true)
        #expect(throws: LvzhiError.self) { try self.f.store("staff").supervise(id: id, note: "明天", on: CalendarDate.adding(days: 1, to: today)) }
        try f.store("staff").supervise(id: id, note: "召开督办座谈会", on: today)
        #expect(try f.store("staff").detail(id: id).supervisions.map(\.supervisedOn) == [today])
        #expect(throws: LvzhiError.self) { try self.f.store("zhangwei").supervise(id: id, note: "委员督办") }
        try f.store("staff").unmarkKey(id: other, reason: "并入其他重点提案")
        #expect(try f.proposal(other).isKey == false)
    }

    @Test("标记不是状态：不公开须写理由、不进公开导出；优秀提案")
    func flagsAndExport() throws {
        let open = try f.published("关于公开的建议")
        let hidden = try f.filed("关于不公开的建议")
        let rejected = try f.store("zhangwei").draft(officeCode: "ordos", ProposalDraft(title: "关于被拒的建议", body: "", category: "经济")).id!
        _ = try f.store("zhangwei").apply(.submit, id: rejected)
        _ = try f.store("staff").apply(.reject, id: rejected, note: "内容空泛", ground: "10")
        #expect(throws: LvzhiError.self) { try self.f.store("staff").flag(id: hidden, isPublic: false) }
        let flagged = try f.store("staff").flag(id: hidden, isPublic: false, reason: "涉及敏感信息")
        #expect(!flagged.isPublic && flagged.status == .filed)
        #expect(try f.store("staff").flag(id: open, isExcellent: true).isExcellent)
        #expect(throws: LvzhiError.self) { try self.f.store("staff").flag(id: rejected, isExcellent: true) }
        #expect(throws: LvzhiError.self) { try self.f.store("zhangwei").flag(id: open, isExcellent: false) }

        let staff = try f.host.context(for: "staff"), staffScope = try f.scope("staff")
        let inside = try f.host.read { db in try ProposalExport.table(scope: staffScope, query: ProposalQuery(), isPublic: false, context: staff, db: db) }
        let member = try f.host.context(for: "wulan"), memberScope = try f.scope("wulan")
        let external = try f.host.read { db in try ProposalExport.table(scope: memberScope, query: ProposalQuery(), isPublic: true, context: member, db: db) }
        #expect(inside.rows.count == 3)
        #expect(external.rows.map { $0[external.headers.firstIndex(of: "案由")!] } == ["关于公开的建议"])
        for column in ["不予立案理由", "答复联系人", "不公开理由", "登记人", "满意度", "ID"] {
            #expect(inside.headers.contains(column))
            #expect(!external.headers.contains(column), "公开导出不应有「\(column)」列")
        }
        #expect(!external.rows.joined().joined().contains("13912345678"), "公开导出中答复的联系方式应已去掉")
        #expect(throws: LvzhiError.self) {
            try self.f.host.read { db in try ProposalExport.table(scope: memberScope, query: ProposalQuery(), isPublic: false, context: member, db: db) }
        }
    }

    @Test("沟通记录：承办单位记本单位的，工作人员也可记；方式、阶段、日期都检查")
    func contacts() throws {
        let id = try f.handling(co: true)
        try f.store("fagai").contact(id: id, ContactInput(method: "座谈会", stage: "办前", on: Timestamp.todayInBeijing(), participants: "张伟、市发改委", summary: "了解诉求"))
        try f.store("staff").contact(id: id, ContactInput(method: "电话", summary: "督查室了解进度"))
        #expect(throws: LvzhiError.self) { try self.f.store("jiaoyu").contact(id: id, ContactInput(method: "电话", summary: "未承办")) }
        #expect(throws: LvzhiError.self) { try self.f.store("fagai").contact(id: id, ContactInput(method: "微信", summary: "x")) }
        #expect(throws: LvzhiError.self) { try self.f.store("fagai").contact(id: id, ContactInput(method: "电话", stage: "办完", summary: "x")) }
        #expect(throws: LvzhiError.self) { try self.f.store("fagai").contact(id: id, ContactInput(method: "电话", on: "2999-01-01", summary: "x")) }
        let contacts = try f.store("zhangwei").detail(id: id).contacts
        #expect(contacts.map(\.method) == ["座谈会", "电话"])
        #expect(contacts[0].proposalUnitID != nil && contacts[1].proposalUnitID == nil)
    }

    @Test("审查专家库：加入、抽取（记入审计）、审查步骤记下参加的专家；不在库中的被拒绝")
    func reviewerPool() throws {
        try f.write("staff") { tx in
            _ = try ReviewerPool.add(officeCode: "ordos", memberID: f.members[1], committeeCode: "proposals", tx: tx)
            _ = try ReviewerPool.add(officeCode: "ordos", memberID: f.members[2], committeeCode: "economy", tx: tx)
            _ = try ReviewerPool.add(officeCode: "ordos", memberID: f.members[3], committeeCode: nil, tx: tx)
        }
        #expect(throws: LvzhiError.self) { try self.f.write("staff") { tx in try ReviewerPool.add(officeCode: "ordos", memberID: self.f.members[1], committeeCode: nil, tx: tx) } }
        let drawn = try f.write("staff") { tx in try ReviewerPool.draw(officeCode: "ordos", count: 2, tx: tx) }
        #expect(drawn.count == 2)
        #expect(throws: LvzhiError.self) { try self.f.write("staff") { tx in try ReviewerPool.draw(officeCode: "ordos", count: 4, tx: tx) } }
        #expect(try f.host.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log WHERE action = 'draw'") } == 1)
        let id = try f.store("zhangwei").draft(officeCode: "ordos", ProposalDraft(title: "关于某事的建议", body: "", category: "经济")).id!
        _ = try f.store("zhangwei").apply(.submit, id: id)
        #expect(throws: LvzhiError.self) { try self.f.store("staff").apply(.file, id: id, reviewers: [self.f.members[4]]) }
        _ = try f.store("staff").apply(.file, id: id, reviewers: [f.members[1], f.members[2]])
        // Always with the member id, so that same-name members can be told apart.
        #expect(try f.store("staff").detail(id: id).steps.last?.reviewers == "巴特尔（ID \(f.members[1])）、乌兰（ID \(f.members[2])）")
    }

    @Test("本政协的设置：办理期限、退回天数、类别、状态名称；设置有校验和审计")
    func settings() throws {
        let modules = ModuleStore(host: f.host, context: f.admin)
        try modules.set("proposals", key: "handling_months", value: "2", officeCode: "ordos")
        try modules.set("proposals", key: "categories", value: "经济，民生；其他", officeCode: "ordos")
        try modules.set("proposals", key: "status_labels", value: "filed=已立案待交办; handling=承办中", officeCode: "ordos")
        #expect(throws: LvzhiError.self) { try modules.set("proposals", key: "handling_months", value: "30", officeCode: "ordos") }
        #expect(throws: LvzhiError.self) { try modules.set("proposals", key: "status_labels", value: "unknown=某状态", officeCode: "ordos") }
        #expect(throws: LvzhiError.self) { try modules.set("proposals", key: "nothing", value: "1", officeCode: "ordos") }
        #expect(throws: LvzhiError.self) { try ModuleStore(host: self.f.host, context: self.f.host.context(for: "staff")).set("proposals", key: "handling_months", value: "4", officeCode: "ordos") }
        let shown = try modules.settings("proposals", officeCode: "ordos")
        #expect(shown.first { $0.key == "categories" }?.value == "经济、民生、其他")
        #expect(shown.first { $0.key == "return_days" }?.isDefault == true)

        #expect(throws: LvzhiError.self) { try self.f.filed("关于某事的建议", category: "生态文明") }
        let id = try f.filed("关于民生的建议", category: "民生")
        #expect(try f.store("staff").detail(id: id).statusLabel == "已立案待交办")
        let units = try f.store("staff").assign(id: id, lead: ProposalFixture.units[0])
        #expect(units[0].dueOn == CalendarDate.adding(months: 2, to: units[0].assignedAt))
        #expect(try f.store("staff").detail(id: id).statusLabel == ProposalStatus.assigned.title)
        try f.store("fagai").accept(id: id)
        #expect(try f.store("staff").detail(id: id).statusLabel == "承办中")
        try modules.set("proposals", key: "handling_months", value: nil, officeCode: "ordos")
        #expect(try modules.settings("proposals", officeCode: "ordos").first { $0.key == "handling_months" }?.value == "3")
        #expect(try f.host.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log WHERE action = 'settings'") } == 4)
    }

    @Test("提交前提示相似的提案；一事一案的不同提案不算相似")
    func duplicateWarning() throws {
        _ = try f.filed("关于加强草原生态保护的建议")
        _ = try f.filed("关于发展职业教育的建议")
        let id = try f.store("wulan").draft(officeCode: "ordos", ProposalDraft(title: "关于草原生态保护的几点建议", body: "", category: "经济")).id!
        let similar = try f.store("wulan").similar(id: id)
        #expect(similar.map(\.title) == ["关于加强草原生态保护的建议"])
        #expect(similar[0].similarity >= SimilarProposals.threshold)
    }

    @Test("查询条件：承办单位、会议、年度；不存在的单位或会议是错误，不是空列表")
    func queries() throws {
        let a = try f.handling("关于甲的建议")
        _ = try f.filed("关于乙的建议")
        let store = try f.store("staff")
        #expect(try store.list(officeCode: "ordos", ProposalQuery(unit: ProposalFixture.units[0])).map(\.id) == [a])
        #expect(try store.list(officeCode: "ordos", ProposalQuery(status: .handling)).map(\.id) == [a])
        #expect(try store.list(officeCode: "ordos", ProposalQuery(year: Int(Timestamp.todayInBeijing().prefix(4)))).count == 2)
        #expect(try store.list(officeCode: "ordos", ProposalQuery(session: 5)).count == 2)
        #expect(throws: LvzhiError.self) { try store.list(officeCode: "ordos", ProposalQuery(unit: "不存在的局")) }
        #expect(throws: LvzhiError.self) { try store.list(officeCode: "ordos", ProposalQuery(session: 9)) }
        #expect(throws: LvzhiError.self) { try store.list(officeCode: "ordos", ProposalQuery(category: "体育")) }
    }
}

/// The schema upgrade from the previous version keeps every proposal, proposer and assignment.
@Suite("提案：数据库升级")
struct ProposalMigrationTests {
    @Test("v2 的数据库升级到 v3：提案、提案人、交办都保留，新字段取默认值")
    func upgradeKeepsData() throws {
        let old = PluginManifest(id: ProposalsPlugin.id, displayName: "提案管理", summary: "", version: "0.1.0",
                                 permissions: ProposalsPlugin.manifest.permissions, migrations: Array(ProposalsPlugin.manifest.migrations.prefix(2)))
        let scratch = try ScratchDatabase(plugins: [old], label: "upgrade")
        try scratch.office("ordos", "政协鄂尔多斯市委员会", term: 5)
        try SectorStore(host: scratch.host, context: scratch.admin).add(officeCode: "ordos", name: "经济界")
        _ = try MemberStore(host: scratch.host, context: scratch.admin).add(officeCode: "ordos", MemberInput(name: "张伟", gender: "男", sector: "经济界"))
        try HandlingUnitStore(host: scratch.host, context: scratch.admin).add(officeCode: "ordos", name: "市发展和改革委员会")
        try scratch.host.database.pool.write { db in
            try db.execute(sql: """
                INSERT INTO proposals (id, office_id, term_id, kind, title, body, category, status, number_scope, number, number_label, created_by, created_at, submitted_at, filed_at)
                    VALUES (1, 1, 1, 'individual', '关于某事的建议', '', '经济', 'filed', 'y2026', 1, '2026年 第0001号', 'admin', '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', '2026-02-02T00:00:00.000Z');
                INSERT INTO proposal_proposers (id, proposal_id, member_id, role, confirmed_at) VALUES (1, 1, 1, 'first', '2026-01-01T00:00:00.000Z');
                INSERT INTO proposal_units (id, proposal_id, handling_unit_id, role, status, assigned_at, due_on) VALUES (1, 1, 1, 'lead', 'accepted', '2026-02-03', '2026-05-03');
                """)
        }
        let path = scratch.path
        let host = try LvzhiHost(path: path, plugins: [ProposalsPlugin.manifest])
        try host.read { db in
            let proposal = try Proposal.find(id: 1, db: db)
            #expect(proposal.submittedYear == 2026 && proposal.isPublic && !proposal.isKey)
            #expect(try ProposalUnit.find(id: 1, db: db).status == .accepted)
            #expect(try ProposalProposer.fetchCount(db) == 1)
        }
        // The rebuilt tables keep their rules: one active lead unit per proposal.
        #expect(throws: (any Error).self) {
            try host.database.pool.write { db in
                try db.execute(sql: "INSERT INTO proposal_units (proposal_id, handling_unit_id, role, status, assigned_at, due_on) VALUES (1, 1, 'lead', 'assigned', '2026-02-03', '2026-05-03')")
            }
        }
    }
}
