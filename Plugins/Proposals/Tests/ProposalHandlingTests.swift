import Foundation
import GRDB
import Testing
import LvzhiCore
import LvzhiStorage
@testable import Proposals

/// Handling to the end: each unit's sub-life, the derived state, replies (internal until
/// published), ratings, rehandling and deadlines.
@Suite("提案：办理、答复、公布、测评")
final class ProposalHandlingTests {
    let f: ProposalFixture
    init() throws { f = try ProposalFixture(label: "handling") }

    @Test("全程：交办 → 接收 → 协办意见 → 答复 → 退回重办 → 再答复 → 公布 → 每位提案人测评 → 办结")
    func wholePath() throws {
        let id = try f.filed(cosigners: [2])
        #expect(try f.proposal(id).status == .filed)
        try f.store("staff").assign(id: id, lead: ProposalFixture.units[0], coHandlers: [ProposalFixture.units[2]])
        #expect(try f.proposal(id).status == .assigned)
        try f.store("fagai").accept(id: id)
        #expect(try f.proposal(id).status == .handling, "主办单位接收后即为办理中")
        try f.store("caizheng").accept(id: id)
        try f.store("caizheng").apply(.opinion, id: id, UnitStepInput(note: "财政资金可予支持"))
        try f.store("fagai").reply(id: id, ReplyInput(outcome: "B", body: "正在研究", documentNumber: "鄂发改函〔2026〕9号"))
        #expect(try f.proposal(id).status == .replied)

        // The office sends the first reply back; the unit replies again; the old reply is kept.
        try f.store("staff").apply(.sendBack, id: id, UnitStepInput(note: "答复过于简单，请补充具体措施"))
        #expect(try f.proposal(id).status == .handling)
        try f.store("fagai").reply(id: id, ReplyInput(outcome: "A", body: "已采纳并列入明年计划"))
        try f.store("staff").publish(id: id)

        try f.store("zhangwei").rate(id: id, rating: "满意")
        #expect(try f.proposal(id).status == .replied, "附议人尚未测评")
        let byStaff = try f.store("staff").rate(id: id, rating: "基本满意", memberID: f.members[2])
        #expect(byStaff.enteredByStaff)
        let done = try f.proposal(id)
        #expect(done.status == .concluded)
        #expect(done.concludedAt != nil)

        let detail = try f.store("staff").detail(id: id)
        #expect(detail.replies.count == 2)
        #expect(detail.replies[0].sentBackReason == "答复过于简单，请补充具体措施")
        #expect(detail.units.map(\.part.status) == [.rated, .replied])
        #expect(detail.units[1].part.opinion == "财政资金可予支持")
        let actions = detail.steps.map(\.action)
        #expect(actions == ["submit", "file", "assign", "accept", "accept", "opinion", "reply", "send-back", "reply", "publish", "rate", "rate"])
    }

    @Test("答复公布之前：委员看不到；其他承办单位看不到；公布后非提案人看到去掉联系方式的版本")
    func replyVisibility() throws {
        let id = try f.handling()
        try f.store("fagai").reply(id: id, ReplyInput(outcome: "A", body: "已落实。联系人手机 13912345678，邮箱 a.b@ordos.gov.cn。",
                                                       contactPerson: "王科长", contactPhone: "0477-8588000"))
        #expect(try f.store("zhangwei").detail(id: id).replies.isEmpty)
        #expect(throws: LvzhiError.self, "没有交办的承办单位看不到这件提案") { try self.f.store("jiaoyu").detail(id: id) }
        #expect(try f.store("fagai").detail(id: id).replies.count == 1)
        try f.store("staff").publish(id: id)
        let proposer = try f.store("zhangwei").detail(id: id).replies[0]
        #expect(proposer.contactPerson == "王科长")
        let other = try f.store("wulan").detail(id: id).replies[0]
        #expect(other.contactPerson == nil && other.contactPhone == nil)
        #expect(!other.body.contains("13912345678") && !other.body.contains("a.b@ordos.gov.cn"))
        #expect(other.body.contains("已落实"))
    }

    @Test("批量公布：只公布当前的、未退回的答复")
    func bulkPublication() throws {
        let a = try f.handling("关于甲的建议"), b = try f.handling("关于乙的建议"), c = try f.handling("关于丙的建议")
        for id in [a, b, c] { try f.store("fagai").reply(id: id, ReplyInput(outcome: "C", body: "留作参考")) }
        try f.store("staff").apply(.sendBack, id: c, UnitStepInput(note: "请重新答复"))
        let published = try f.store("staff").publishAll(officeCode: "ordos")
        #expect(published == [a, b])
        #expect(try f.store("staff").publishAll(officeCode: "ordos").isEmpty)
        #expect(throws: LvzhiError.self) { try self.f.store("staff").publish(id: c) }
    }

    @Test("不满意可重新办理：新期限，重新答复、公布、测评")
    func rehandleAfterUnsatisfied() throws {
        let id = try f.published()
        #expect(throws: LvzhiError.self) { try self.f.store("staff").apply(.rehandle, id: id, UnitStepInput(note: "未测评不能重办")) }
        try f.store("zhangwei").rate(id: id, rating: "不满意", comment: "没有解决实际问题")
        #expect(try f.proposal(id).status == .concluded)
        let part = try f.store("staff").apply(.rehandle, id: id, UnitStepInput(note: "提案人不满意"))
        #expect(part.status == .accepted)
        #expect(part.dueOn == CalendarDate.adding(months: 1, to: Timestamp.todayInBeijing()))
        #expect(try f.proposal(id).status == .handling)
        #expect(try f.proposal(id).concludedAt == nil)
        try f.store("fagai").reply(id: id, ReplyInput(outcome: "A", body: "已重新办理并解决"))
        try f.store("staff").publish(id: id)
        try f.store("zhangwei").rate(id: id, rating: "满意")
        #expect(try f.proposal(id).status == .concluded)
        #expect(try f.store("staff").detail(id: id).ratings.map(\.rating) == [.unsatisfied, .satisfied])
    }

    @Test("延期：写明理由，不超过最长期限；超期在列表和预警中可见")
    func extensionsAndOverdue() throws {
        let id = try f.handling()
        let assigned = try f.store("staff").detail(id: id).units[0].part
        let tooLate = CalendarDate.adding(days: 1, to: CalendarDate.adding(months: 6, to: assigned.assignedAt))
        #expect(throws: LvzhiError.self) { try self.f.store("staff").apply(.extend, id: id, UnitStepInput(note: "需要调研", until: tooLate)) }
        #expect(throws: LvzhiError.self) { try self.f.store("staff").apply(.extend, id: id, UnitStepInput(until: CalendarDate.adding(months: 4, to: assigned.assignedAt))) }
        #expect(throws: LvzhiError.self) { try self.f.store("fagai").apply(.extend, id: id, UnitStepInput(note: "单位不能自己延期", until: CalendarDate.adding(months: 4, to: assigned.assignedAt))) }
        let until = CalendarDate.adding(months: 4, to: assigned.assignedAt)
        #expect(try f.store("staff").apply(.extend, id: id, UnitStepInput(note: "涉及多个部门，需要调研", until: until)).dueOn == until)

        let later = CalendarDate.adding(days: 1, to: until)
        try Timestamp.pretending(later) {
            let overdue = try f.store("staff").list(officeCode: "ordos", ProposalQuery(overdue: true))
            #expect(overdue.map(\.id) == [id])
            let warnings = try f.store("staff").report(officeCode: "ordos") { scope, db in try ProposalDeadlines.warnings(scope: scope, db: db) }
            #expect(warnings.map(\.daysOverdue) == [1])
            #expect(try f.store("staff").detail(id: id).units[0].overdue)
        }
        let soon = try f.store("staff").report(officeCode: "ordos") { scope, db in try ProposalDeadlines.warnings(scope: scope, within: 200, db: db) }
        #expect(soon.count == 1 && soon[0].daysOverdue < 0)
        #expect(try f.store("staff").list(officeCode: "ordos", ProposalQuery(overdue: true)).isEmpty)
    }

    @Test("非法步骤一律拒绝且不改变数据", arguments: [
        "assign-unfiled", "reply-unassigned", "co-replies", "lead-gives-opinion", "other-unit-replies", "reply-before-accept", "reply-without-body",
        "rate-before-reply", "rate-before-publish", "rate-twice", "non-proposer-rates", "member-rates-for-other", "staff-replies", "unit-publishes",
        "send-back-published", "unknown-outcome", "unit-sends-back", "rate-unknown",
    ])
    func illegalSteps(step: String) throws {
        let draft = try f.store("zhangwei").draft(officeCode: "ordos", ProposalDraft(title: "关于某事的建议", body: "", category: "经济")).id!
        let filed = try f.filed("关于另一件事的建议")
        let assigned = try f.filed("关于第三件事的建议")
        try f.store("staff").assign(id: assigned, lead: ProposalFixture.units[0], coHandlers: [ProposalFixture.units[2]])
        let handling = try f.handling("关于第四件事的建议", co: true)
        let replied = try f.handling("关于第五件事的建议")
        try f.store("fagai").reply(id: replied, ReplyInput(outcome: "A", body: "已办理"))
        let published = try f.published("关于第六件事的建议")
        if step == "rate-twice" { try f.store("zhangwei").rate(id: published, rating: "满意") }
        let before = try f.snapshot()
        let error = #expect(throws: LvzhiError.self) {
            let reply = ReplyInput(outcome: "A", body: "答复")
            switch step {
            case "assign-unfiled": try self.f.store("staff").assign(id: draft, lead: ProposalFixture.units[0])
            case "reply-unassigned": try self.f.store("fagai").reply(id: filed, reply)
            case "co-replies": try self.f.store("caizheng").reply(id: handling, reply)
            case "lead-gives-opinion": try self.f.store("fagai").apply(.opinion, id: handling, UnitStepInput(note: "意见"))
            case "other-unit-replies": try self.f.store("jiaoyu").reply(id: handling, reply)
            case "reply-before-accept": try self.f.store("fagai").reply(id: assigned, reply)
            case "reply-without-body": try self.f.store("fagai").reply(id: handling, ReplyInput(outcome: "A", body: "  "))
            case "rate-before-reply": try self.f.store("zhangwei").rate(id: handling, rating: "满意")
            case "rate-before-publish": try self.f.store("zhangwei").rate(id: replied, rating: "满意")
            case "rate-twice": try self.f.store("zhangwei").rate(id: published, rating: "不满意")
            case "non-proposer-rates": try self.f.store("wulan").rate(id: published, rating: "满意")
            case "member-rates-for-other": try self.f.store("wulan").rate(id: published, rating: "满意", memberID: self.f.members[0])
            case "staff-replies": try self.f.store("staff").reply(id: handling, reply)
            case "unit-publishes": try self.f.store("fagai").publish(id: replied)
            case "send-back-published": try self.f.store("staff").apply(.sendBack, id: published, UnitStepInput(note: "重办"))
            case "unknown-outcome": try self.f.store("fagai").reply(id: handling, ReplyInput(outcome: "D", body: "答复"))
            case "unit-sends-back": try self.f.store("fagai").apply(.sendBack, id: replied, UnitStepInput(note: "自己退回"))
            default: try self.f.store("zhangwei").rate(id: published, rating: "很好")
            }
        }
        #expect(error?.message.isEmpty == false)
        #expect(try f.snapshot() == before, "\(step) 不应改变数据")
    }

    @Test("集体提案由工作人员代为测评；测评人记为提案单位")
    func collectiveRating() throws {
        let id = try f.store("staff").draft(officeCode: "ordos", ProposalDraft(title: "关于发展现代能源经济的建议", body: "", category: "经济",
                                                                                kind: .collective, collectiveBody: "经济委员会", authorIDs: [f.members[3]])).id!
        _ = try f.store("staff").apply(.submit, id: id)
        _ = try f.store("staff").apply(.file, id: id)
        try f.store("staff").assign(id: id, lead: ProposalFixture.units[0])
        try f.store("fagai").accept(id: id)
        try f.store("fagai").reply(id: id, ReplyInput(outcome: "B", body: "列入计划"))
        try f.store("staff").publish(id: id)
        #expect(throws: LvzhiError.self) { try self.f.store("staff").rate(id: id, rating: "满意", memberID: self.f.members[3]) }
        let rating = try f.store("staff").rate(id: id, rating: "满意")
        #expect(rating.rater == "经济委员会" && rating.enteredByStaff && rating.memberID == nil)
        #expect(try f.proposal(id).status == .concluded)
    }

    @Test("并案的提案随主提案：其提案人也测评主提案的答复")
    func mergedFollowMain() throws {
        let main = try f.handling("关于加强草原生态保护的建议")
        let other = try f.store("wulan").draft(officeCode: "ordos", ProposalDraft(title: "关于草原生态保护的建议", body: "", category: "经济")).id!
        _ = try f.store("wulan").apply(.submit, id: other)
        _ = try f.store("staff").apply(.merge, id: other, mergeInto: main)
        try f.store("fagai").reply(id: main, ReplyInput(outcome: "A", body: "已采纳"))
        try f.store("staff").publish(id: main)
        try f.store("zhangwei").rate(id: main, rating: "满意")
        #expect(try f.proposal(main).status == .replied)
        try f.store("wulan").rate(id: main, rating: "基本满意")
        #expect(try f.proposal(main).status == .concluded)
        #expect(try f.store("wulan").detail(id: other).mergedInto?.status == .concluded)
    }

    @Test("每一步都有审计记录和事件")
    func auditAndEvents() throws {
        let received = EventBox()
        f.host.events.subscribe { received.add($0.name) }
        let id = try f.published()
        try f.store("zhangwei").rate(id: id, rating: "满意")
        #expect(received.all.contains("proposals.replied"))
        #expect(received.all.contains("proposals.reply_published"))
        #expect(received.all.contains("proposals.rated"))
        #expect(received.all.contains("proposals.concluded"))
        let audited = try f.host.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT entity FROM audit_log") }
        for table in ["proposal_units", "proposal_replies", "proposal_ratings", "proposals", "proposal_steps"] {
            #expect(audited.contains(table), "\(table) 的修改应有审计记录")
        }
    }
}

/// Event names collected by a subscriber.
final class EventBox: @unchecked Sendable {
    private let lock = NSLock()
    private var names: [String] = []
    func add(_ name: String) { lock.withLock { names.append(name) } }
    var all: [String] { lock.withLock { names } }
}
