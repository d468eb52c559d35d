import Foundation
import GRDB
import LvzhiCore
import LvzhiStorage
import LvzhiTestSupport
@testable import Proposals

/// A small office for the proposal tests, on a real SQLite file: the city with its fifth
/// term and one plenary session, a committee and an activity group, five members (巴特尔 is a
/// vice-chairman), three handling units, and a user for each part.
///
/// Users: `zhangwei` (member 0), `bater` (member 1, 副主席), `wulan` (member 2), `staff`,
/// `fagai` / `jiaoyu` / `caizheng` (the three units).
final class ProposalFixture {
    let scratch: ScratchDatabase
    var host: LvzhiHost { scratch.host }
    var admin: AccessContext { scratch.admin }
    var path: String { scratch.path }
    var members: [Int64] = []

    static let units = ["市发展和改革委员会", "市教育体育局", "市财政局"]

    init(label: String) throws {
        scratch = try ScratchDatabase(plugins: [ProposalsPlugin.manifest], label: label)
        try scratch.office("ordos", "政协鄂尔多斯市委员会", term: 5)
        _ = try TermStore(host: host, context: admin).addSession(officeCode: "ordos", termNumber: 5, number: 5, opensOn: "2026-01-08")
        try CommitteeStore(host: host, context: admin).add(officeCode: "ordos", code: "economy", name: "经济委员会")
        try CommitteeStore(host: host, context: admin).add(officeCode: "ordos", code: "proposals", name: "提案委员会", drawsFromOtherGroups: true)
        try ActivityGroupStore(host: host, context: admin).add(officeCode: "ordos", name: "第一界别活动组", committeeCode: "economy")
        try SectorStore(host: host, context: admin).add(officeCode: "ordos", name: "经济界", groupName: "第一界别活动组")
        for (name, roles) in [("张伟", nil), ("巴特尔", "副主席"), ("乌兰", nil), ("李娜", nil), ("王强", nil)] as [(String, String?)] {
            members.append(try MemberStore(host: host, context: admin).add(officeCode: "ordos", MemberInput(name: name, gender: "男", sector: "经济界", roles: roles)).id!)
        }
        for unit in Self.units { try HandlingUnitStore(host: host, context: admin).add(officeCode: "ordos", name: unit) }
        try ModuleStore(host: host, context: admin).enable("proposals", officeCode: "ordos")
        try scratch.user("zhangwei", .member, in: "ordos", memberID: members[0])
        try scratch.user("bater", .member, in: "ordos", memberID: members[1])
        try scratch.user("wulan", .member, in: "ordos", memberID: members[2])
        try scratch.user("staff", .staff, in: "ordos")
        try scratch.user("fagai", .handlingUnit, in: "ordos", unit: Self.units[0])
        try scratch.user("jiaoyu", .handlingUnit, in: "ordos", unit: Self.units[1])
        try scratch.user("caizheng", .handlingUnit, in: "ordos", unit: Self.units[2])
    }

    /// The store acting as `username`.
    func store(_ username: String) throws -> ProposalStore { ProposalStore(host: host, context: try host.context(for: username)) }

    /// Runs `body` in one audited transaction as `username`.
    func write<T>(_ username: String, _ body: (AuditedTransaction) throws -> T) throws -> T {
        try host.write(as: try host.context(for: username), body)
    }

    /// A filed proposal by 张伟 (with co-signers, confirmed, when given).
    func filed(_ title: String = "关于优化营商环境的建议", category: String = "经济", cosigners: [Int] = []) throws -> Int64 {
        let ids = cosigners.map { members[$0] }
        let id = try store("zhangwei").draft(officeCode: "ordos", ProposalDraft(title: title, body: "正文", category: category,
                                                                                kind: ids.isEmpty ? .individual : .joint, cosignerIDs: ids)).id!
        for index in cosigners { try store(["zhangwei", "bater", "wulan"][index]).confirm(id: id) }
        _ = try store("zhangwei").apply(.submit, id: id)
        _ = try store("staff").apply(.file, id: id)
        return id
    }

    /// A proposal assigned to 发改委 (lead), optionally with 财政局 as co-handler, accepted by both.
    func handling(_ title: String = "关于优化营商环境的建议", cosigners: [Int] = [], co: Bool = false) throws -> Int64 {
        let id = try filed(title, cosigners: cosigners)
        try store("staff").assign(id: id, lead: Self.units[0], coHandlers: co ? [Self.units[2]] : [])
        try store("fagai").accept(id: id)
        if co { try store("caizheng").accept(id: id) }
        return id
    }

    /// A proposal whose lead unit replied (class `outcome`) and whose reply the office published.
    func published(_ title: String = "关于优化营商环境的建议", cosigners: [Int] = []) throws -> Int64 {
        let id = try handling(title, cosigners: cosigners)
        try store("fagai").reply(id: id, ReplyInput(outcome: "A", body: "已采纳，联系电话 13912345678。", documentNumber: "鄂发改函〔2026〕1号",
                                                     contactPerson: "王科长", contactPhone: "0477-8588000"))
        try store("staff").publish(id: id)
        return id
    }

    /// What `username` sees of the city's proposals (``ProposalAccess``).
    func scope(_ username: String = "staff") throws -> ProposalAccess.Scope {
        let context = try host.context(for: username)
        return try host.read { db in try ProposalAccess.scope(context, office: try Office.find(code: "ordos", db: db), db: db) }
    }

    func proposal(_ id: Int64) throws -> Proposal { try host.read { db in try Proposal.find(id: id, db: db) } }

    /// Every row of the module's tables, as text, to prove a refused step changed nothing.
    func snapshot() throws -> String {
        try host.read { db in
            try ["proposals", "proposal_proposers", "proposal_steps", "proposal_counters", "proposal_units", "proposal_replies",
                 "proposal_ratings", "proposal_contacts", "proposal_supervisions", "proposal_reviewers", "duty_records", "audit_log"].map {
                try Row.fetchAll(db, sql: "SELECT * FROM \($0) ORDER BY rowid").description
            }.joined(separator: "\n")
        }
    }
}
