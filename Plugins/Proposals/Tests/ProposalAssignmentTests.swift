import Foundation
import GRDB
import Testing
import LvzhiCore
import LvzhiStorage
import LvzhiTestSupport
@testable import Proposals

/// Assignment (交办): lead and co-handlers, a unit's accept or return, reassignment.
@Suite("提案：交办与承办单位退回")
final class ProposalAssignmentTests {
    let scratch: ScratchDatabase
    var host: LvzhiHost { scratch.host }
    var admin: AccessContext { scratch.admin }
    var filedID: Int64 = 0
    var draftID: Int64 = 0

    init() throws {
        scratch = try ScratchDatabase(plugins: [ProposalsPlugin.manifest], label: "assign")
        try OfficeStore(host: host, context: admin).add(code: "ordos", name: "政协鄂尔多斯市委员会")
        _ = try TermStore(host: host, context: admin).add(officeCode: "ordos", number: 5, startsOn: "2022-01-06")
        try SectorStore(host: host, context: admin).add(officeCode: "ordos", name: "经济界")
        let member = try MemberStore(host: host, context: admin).add(officeCode: "ordos", MemberInput(name: "张伟", gender: "男", sector: "经济界"))
        for unit in ["市发展和改革委员会", "市教育体育局", "市财政局"] {
            try HandlingUnitStore(host: host, context: admin).add(officeCode: "ordos", name: unit)
        }
        try ModuleStore(host: host, context: admin).enable("proposals", officeCode: "ordos")
        try UserStore(host: host, context: admin).add(username: "fagai", displayName: "发改委", officeCode: "ordos", role: .handlingUnit, handlingUnitName: "市发展和改革委员会")
        try UserStore(host: host, context: admin).add(username: "jiaoyu", displayName: "教体局", officeCode: "ordos", role: .handlingUnit, handlingUnitName: "市教育体育局")
        let store = ProposalStore(host: host, context: admin)
        filedID = try store.draft(officeCode: "ordos", ProposalDraft(title: "关于优化营商环境的建议", body: "", category: "经济", firstProposerID: member.id)).id!
        _ = try store.apply(.submit, id: filedID)
        _ = try store.apply(.file, id: filedID)
        draftID = try store.draft(officeCode: "ordos", ProposalDraft(title: "关于某事的建议", body: "", category: "经济", firstProposerID: member.id)).id!
    }

    func store(_ username: String) throws -> ProposalStore { ProposalStore(host: host, context: try host.context(for: username)) }

    @Test("交办给主办和协办单位，期限三个月；承办单位接收")
    func assignAndAccept() throws {
        let units = try store("admin").assign(id: filedID, lead: "市发展和改革委员会", coHandlers: ["市教育体育局"])
        #expect(units.map(\.role) == [.lead, .co])
        #expect(units[0].dueOn == CalendarDate.adding(months: 3, to: units[0].assignedAt))
        #expect(try store("fagai").accept(id: filedID).status == .accepted)
        #expect(throws: LvzhiError.self) { try self.store("fagai").accept(id: self.filedID) }
        let shown = try store("admin").units(of: filedID)
        #expect(shown.map(\.unit) == ["市发展和改革委员会", "市教育体育局"])
    }

    @Test("承办单位在期限内写明理由退回；办公室重新交办")
    func returnAndReassign() throws {
        try store("admin").assign(id: filedID, lead: "市教育体育局")
        #expect(throws: LvzhiError.self) { try self.store("jiaoyu").giveBack(id: self.filedID, reason: " ") }
        #expect(try store("jiaoyu").giveBack(id: filedID, reason: "不属于本单位职责").status == .returned)
        try store("admin").assign(id: filedID, lead: "市发展和改革委员会")
        let leads = try store("admin").units(of: filedID).filter { $0.part.role == .lead }
        #expect(leads.map { $0.part.status } == [.returned, .assigned])
    }

    @Test("退回超过期限被拒绝")
    func lateReturnRefused() throws {
        try store("admin").assign(id: filedID, lead: "市教育体育局")
        let late = CalendarDate.adding(days: 11, to: Timestamp.todayInBeijing())
        let error = #expect(throws: LvzhiError.self) {
            try Timestamp.pretending(late) { try self.store("jiaoyu").giveBack(id: self.filedID, reason: "晚了") }
        }
        #expect(error?.message.contains("截止") == true)
    }

    @Test("非法交办一律拒绝且不改变数据", arguments: ["unfiled", "second-lead", "unknown-unit", "unit-assigns", "other-unit-accepts", "duplicate"])
    func illegalAssignments(step: String) throws {
        if step == "second-lead" || step == "other-unit-accepts" { try store("admin").assign(id: filedID, lead: "市发展和改革委员会") }
        let before = try host.read { db in try Row.fetchAll(db, sql: "SELECT * FROM proposal_units").description }
        #expect(throws: LvzhiError.self) {
            switch step {
            case "unfiled": try self.store("admin").assign(id: self.draftID, lead: "市发展和改革委员会")
            case "second-lead": try self.store("admin").assign(id: self.filedID, lead: "市财政局")
            case "unknown-unit": try self.store("admin").assign(id: self.filedID, lead: "不存在的单位")
            case "unit-assigns": try self.store("fagai").assign(id: self.filedID, lead: "市财政局")
            case "other-unit-accepts": try self.store("jiaoyu").accept(id: self.filedID)
            default: try self.store("admin").assign(id: self.filedID, lead: "市财政局", coHandlers: ["市财政局"])
            }
        }
        #expect(try host.read { db in try Row.fetchAll(db, sql: "SELECT * FROM proposal_units").description } == before)
    }
}
