import Foundation
import GRDB
import Testing
import LvzhiCore
import LvzhiStorage
@testable import Archive

/// Copy and use requests (复制 / 利用).
@Suite("文史资料：复制与利用申请")
final class ArchiveWorkRequestTests {
    let f: ArchiveFixture
    init() throws {
        f = try ArchiveFixture(label: "archive-requests")
        try f.scratch.user("wuyun", .member, in: "ordos", memberID: f.members[1])
        try f.scratch.user("dangan2", .archivist, in: "ordos")
    }

    func ask(_ unit: Int64, _ kind: String = "复制", as user: String = "weiyuan", purpose: String = "编写村史", applicant: String? = nil) throws -> UseRequest {
        try f.write(user) { tx in try UseRequestStore.request(unitID: unit, kind: kind, purpose: purpose, applicant: applicant, tx: tx) }
    }

    @Test("委员申请、文史工作人员审批；申请人只看自己的申请，看别人的视为不存在；委员不能审批")
    func workflow() throws {
        let unit = try f.unit("件", "R-1", "东胜老街的回忆")
        let mine = try ask(unit.id!)
        #expect(mine.applicant == "王文" && mine.memberID == f.members[0] && mine.status == .pending && mine.kind == .copy && !mine.onBehalf)
        let theirs = try ask(unit.id!, "利用", as: "wuyun", purpose: "学术研究")
        let staffs = try ask(unit.id!, "利用", as: "staff", purpose: "编写大事记")
        #expect(staffs.applicant == "staff" && staffs.memberID == nil)

        #expect(try f.read("weiyuan") { c, db in try UseRequestStore.list(officeCode: "ordos", context: c, db: db) }.map(\.id) == [mine.id])
        #expect(try f.read { c, db in try UseRequestStore.list(officeCode: "ordos", context: c, db: db) }.map(\.id) == [staffs.id, theirs.id, mine.id])
        let notMine = refusal { _ = try self.f.read("weiyuan") { c, db in try UseRequestStore.find(theirs.id!, context: c, db: db) } }
        #expect(notMine?.code == .notFound)
        #expect(try f.read("weiyuan") { c, db in try UseRequestStore.find(mine.id!, context: c, db: db) }.title == "东胜老街的回忆")

        let before = try f.snapshot()
        #expect(refusal { _ = try self.f.write("weiyuan") { tx in try UseRequestStore.approve(id: mine.id!, tx: tx) } }?.code == .permissionDenied, "委员不能审批")
        #expect(refusal { _ = try self.f.write("staff") { tx in try UseRequestStore.approve(id: theirs.id!, tx: tx) } }?.code == .permissionDenied)
        #expect(refusal { _ = try self.f.write { tx in try UseRequestStore.refuse(id: theirs.id!, note: " ", tx: tx) } }?.code == .invalidInput, "不同意须写理由")
        #expect(refusal { _ = try self.ask(unit.id!) }?.code == .conflict, "相同的申请在等待审批")
        #expect(refusal { _ = try self.ask(unit.id!, "借阅") }?.code == .invalidInput)
        #expect(refusal { _ = try self.ask(unit.id!, purpose: "  ") }?.code == .invalidInput)
        #expect(refusal { _ = try self.ask(unit.id!, applicant: "外单位某人") }?.code == .permissionDenied, "只有文史工作人员可以代他人登记")
        #expect(try f.snapshot() == before, "被拒绝的步骤不改变数据")

        let approved = try f.write { tx in try UseRequestStore.approve(id: mine.id!, note: "同意复制一份", tx: tx) }
        #expect(approved.status == .approved && approved.decidedBy == "dangan" && approved.decisionNote == "同意复制一份")
        let refused = try f.write { tx in try UseRequestStore.refuse(id: theirs.id!, note: "内容涉及个人隐私", tx: tx) }
        #expect(refused.status == .refused)
        #expect(refusal { _ = try self.f.write { tx in try UseRequestStore.approve(id: mine.id!, tx: tx) } }?.message.contains("已审批") == true)
        #expect(try f.read { c, db in try UseRequestStore.list(officeCode: "ordos", status: .pending, context: c, db: db) }.map(\.id) == [staffs.id])
        let audit = try f.read { _, db in try String.fetchAll(db, sql: "SELECT action FROM audit_log WHERE entity = 'archive_use_requests' ORDER BY id") }
        #expect(audit == ["insert", "insert", "insert", "approve", "refuse"])
    }

    @Test("看不到的条目申请时视为不存在；涉密和不开放的不受理；控制、内部的同意须写明依据；受使用限制的不予复制；不能审批自己的申请")
    func rules() throws {
        let secret = try f.unit("件", "R-2", "秘密件", secrecy: "机密")
        let closed = try f.unit("件", "R-3", "不开放件", openness: "不开放")
        let controlled = try f.unit("件", "R-4", "控制件", openness: "控制")
        let internalUnit = try f.unit("件", "R-5", "内部件", secrecy: "内部")
        let useLimited = try f.accession("限制使用", RestrictionInput(use: true, useNote: "未经提供者同意不得复制"))
        let used = try f.unit("件", "R-6", "受使用限制件", accession: useLimited.id)
        let interviewer = try f.person("李采集")
        let noConsent = try f.interview("R-7", title: "未签授权书的口述", narrator: try f.person("某老人").id, interviewer: interviewer.id!, consent: false)

        let before = try f.snapshot()
        for hidden in [secret.id!, closed.id!, controlled.id!, internalUnit.id!] {
            #expect(refusal { _ = try self.ask(hidden) }?.code == .notFound, "委员看不到的条目视为不存在")
        }
        #expect(refusal { _ = try self.ask(secret.id!, as: "dangan", applicant: "某研究所 张研究员") }?.message.contains("秘密及以上") == true)
        #expect(refusal { _ = try self.ask(closed.id!, as: "dangan", applicant: "某研究所 张研究员") }?.message.contains("不开放") == true)
        #expect(try f.snapshot() == before)

        // 控制 and 内部: registered for an outside researcher; approval needs a basis.
        let c = try ask(controlled.id!, "利用", as: "dangan", applicant: "某研究所 张研究员")
        #expect(c.onBehalf && c.applicant == "某研究所 张研究员" && c.memberID == nil)
        let i = try ask(internalUnit.id!, as: "dangan", applicant: "某研究所 张研究员")
        let snapshot = try f.snapshot()
        let noBasis = refusal { _ = try self.f.write("dangan2") { tx in try UseRequestStore.approve(id: c.id!, tx: tx) } }
        #expect(noBasis?.description.contains("须写明依据") == true)
        #expect(refusal { _ = try self.f.write("dangan2") { tx in try UseRequestStore.approve(id: i.id!, note: " ", tx: tx) } }?.description.contains("须写明依据") == true)
        #expect(try f.snapshot() == snapshot)
        _ = try f.write { tx in try UseRequestStore.approve(id: c.id!, note: "经分管副主席批准", tx: tx) }

        // Use restriction: no copy, but consulting is allowed; the unit became classified meanwhile: refused.
        let copy = try ask(used.id!)
        let consult = try ask(used.id!, "利用")
        let oral = try ask(noConsent.unitID)
        #expect(refusal { _ = try self.f.write { tx in try UseRequestStore.approve(id: copy.id!, tx: tx) } }?.message.contains("限制使用") == true)
        #expect(refusal { _ = try self.f.write { tx in try UseRequestStore.approve(id: oral.id!, tx: tx) } }?.message.contains("授权书") == true)
        _ = try f.write { tx in try UseRequestStore.approve(id: consult.id!, tx: tx) }
        _ = try f.write { tx in try DescriptionStore.update(id: noConsent.unitID, UnitInput(secrecy: "秘密"), tx: tx) }
        #expect(refusal { _ = try self.f.write { tx in try UseRequestStore.approve(id: oral.id!, tx: tx) } }?.message.contains("秘密及以上") == true,
                "申请之后条目定为秘密：不予同意")

        // Nobody approves his own request.
        let own = try ask(used.id!, "利用", as: "dangan", purpose: "本人研究")
        #expect(refusal { _ = try self.f.write { tx in try UseRequestStore.approve(id: own.id!, tx: tx) } }?.message.contains("不能审批自己") == true)
        #expect(try f.write("dangan2") { tx in try UseRequestStore.approve(id: own.id!, tx: tx) }.status == .approved)
        // The member's own list shows the request, but not the unit once it is hidden from him.
        let list = try f.read("weiyuan") { c, db in try UseRequestStore.list(officeCode: "ordos", context: c, db: db) }
        #expect(list.first { $0.id == oral.id }?.title == nil && list.first { $0.id == copy.id }?.title == "受使用限制件")
    }
}
