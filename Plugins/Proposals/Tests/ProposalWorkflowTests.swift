import Foundation
import GRDB
import Testing
import LvzhiCore
import LvzhiStorage
import LvzhiTestSupport
@testable import Proposals

/// The first part of the proposal workflow: drafting, co-signing, submission, review and numbering.
@Suite("提案：撰写、附议、提交、审查、编号")
final class ProposalWorkflowTests {
    let scratch: ScratchDatabase
    var path: String { scratch.path }
    var host: LvzhiHost { scratch.host }
    var admin: AccessContext { scratch.admin }
    var members: [Int64] = []

    init() throws {
        scratch = try ScratchDatabase(plugins: [ProposalsPlugin.manifest], label: "proposals")
        try OfficeStore(host: host, context: admin).add(code: "ordos", name: "政协鄂尔多斯市委员会")
        _ = try TermStore(host: host, context: admin).add(officeCode: "ordos", number: 5, startsOn: "2022-01-06")
        _ = try TermStore(host: host, context: admin).addSession(officeCode: "ordos", termNumber: 5, number: 2, opensOn: "2023-01-08")
        try CommitteeStore(host: host, context: admin).add(officeCode: "ordos", code: "proposals", name: "提案委员会", drawsFromOtherGroups: true)
        try SectorStore(host: host, context: admin).add(officeCode: "ordos", name: "经济界")
        for name in ["张伟", "巴特尔", "乌兰"] {
            members.append(try MemberStore(host: host, context: admin).add(officeCode: "ordos", MemberInput(name: name, gender: "男", sector: "经济界")).id!)
        }
        try ModuleStore(host: host, context: admin).enable("proposals", officeCode: "ordos")
        try UserStore(host: host, context: admin).add(username: "zhangwei", displayName: "张伟", officeCode: "ordos", role: .member, memberID: members[0])
        try UserStore(host: host, context: admin).add(username: "bater", displayName: "巴特尔", officeCode: "ordos", role: .member, memberID: members[1])
        try UserStore(host: host, context: admin).add(username: "staff", displayName: "工作人员", officeCode: "ordos", role: .staff)
    }

    func store(_ username: String) throws -> ProposalStore { ProposalStore(host: host, context: try host.context(for: username)) }

    func snapshot() throws -> String {
        try host.read { db in
            try ["proposals", "proposal_proposers", "proposal_steps", "proposal_counters"].map {
                try Row.fetchAll(db, sql: "SELECT * FROM \($0) ORDER BY rowid").description
            }.joined(separator: "\n")
        }
    }

    @Test("个人提案：暂存 → 提交 → 立案，得到 会议 + 四位编号；每步有办理记录")
    func individualPath() throws {
        let member = try store("zhangwei")
        let draft = try member.draft(officeCode: "ordos", ProposalDraft(title: "关于加快黄河流域生态保护的建议", body: "……", category: "生态文明"))
        #expect(draft.status == .draft)
        let submitted = try member.apply(.submit, id: draft.id!)
        #expect(submitted.status == .submitted)
        #expect(submitted.occasion == "平时" || submitted.occasion == "大会")
        let filed = try store("staff").apply(.file, id: draft.id!)
        #expect(filed.status == .filed)
        #expect(filed.number == 1)
        #expect(filed.numberLabel?.hasSuffix("第0001号") == true)
        let shown = try member.detail(id: draft.id!)
        #expect(shown.steps.map(\.action) == ["submit", "file"])
        #expect(shown.proposers.first?.name == "张伟")
    }

    @Test("联名提案：附议人全部确认后才能提交")
    func jointNeedsConfirmations() throws {
        let draft = try store("zhangwei").draft(officeCode: "ordos", ProposalDraft(
            title: "关于完善社区养老服务的建议", body: "", category: "社会", kind: .joint, cosignerIDs: [members[1]]))
        let unconfirmed = #expect(throws: LvzhiError.self) { try self.store("zhangwei").apply(.submit, id: draft.id!) }
        #expect(unconfirmed?.message.contains("巴特尔") == true)
        #expect(throws: LvzhiError.self) { try self.store("staff").confirm(id: draft.id!) }
        try store("bater").confirm(id: draft.id!)
        #expect(try store("zhangwei").apply(.submit, id: draft.id!).status == .submitted)
    }

    @Test("审查：不予立案须标准理由和说明；退回修改后可再提交；转为意见建议；并案")
    func reviewOutcomes() throws {
        let member = try store("zhangwei"), staff = try store("staff")
        func submitted(_ title: String) throws -> Int64 {
            let id = try member.draft(officeCode: "ordos", ProposalDraft(title: title, body: "", category: "经济")).id!
            _ = try member.apply(.submit, id: id)
            return id
        }
        let a = try submitted("甲"), b = try submitted("乙"), c = try submitted("丙"), d = try submitted("丁")
        #expect(throws: LvzhiError.self) { try staff.apply(.reject, id: a, note: "说明") }
        #expect(throws: LvzhiError.self) { try staff.apply(.reject, id: a, ground: "10") }
        let rejected = try staff.apply(.reject, id: a, note: "没有具体建议", ground: "10")
        #expect(rejected.rejectionGround == "内容空泛、没有具体建议")
        #expect(try staff.apply(.returnForRevision, id: b, note: "请补充数据").status == .returned)
        #expect(try member.apply(.submit, id: b).status == .submitted)
        #expect(try staff.apply(.convert, id: c, note: "转有关部门参考").status == .converted)
        let main = try staff.apply(.file, id: b)
        #expect(try staff.apply(.merge, id: d, mergeInto: main.id!).mergedIntoID == main.id)
        #expect(main.number == 1, "不予立案、转为意见建议、并案的提案不占编号")
    }

    @Test("非法步骤一律拒绝且不改变任何数据", arguments: [
        "withdraw-filed", "file-draft", "file-twice", "member-files", "other-withdraws", "non-member-proposes", "unknown-category", "foreign-member",
    ])
    func illegalSteps(step: String) throws {
        let member = try store("zhangwei"), staff = try store("staff")
        let id = try member.draft(officeCode: "ordos", ProposalDraft(title: "关于某事的建议", body: "", category: "经济")).id!
        if step == "file-twice" || step == "withdraw-filed" { _ = try member.apply(.submit, id: id); _ = try staff.apply(.file, id: id) }
        if step == "member-files" || step == "other-withdraws" { _ = try member.apply(.submit, id: id) }
        let before = try snapshot()
        let error = #expect(throws: LvzhiError.self) {
            switch step {
            case "withdraw-filed", "file-draft": _ = try staff.apply(.file, id: id)
            case "file-twice": _ = try staff.apply(.file, id: id)
            case "member-files": _ = try member.apply(.file, id: id)
            case "other-withdraws": _ = try self.store("bater").apply(.withdraw, id: id)
            case "non-member-proposes": _ = try staff.draft(officeCode: "ordos", ProposalDraft(title: "x", body: "", category: "经济"))
            case "unknown-category": _ = try member.draft(officeCode: "ordos", ProposalDraft(title: "x", body: "", category: "体育"))
            default: _ = try member.draft(officeCode: "ordos", ProposalDraft(title: "x", body: "", category: "经济", firstProposerID: self.members[2]))
            }
        }
        #expect(error != nil)
        #expect(try snapshot() == before, "\(step) 不应改变数据")
    }

    @Test("模块未启用时拒绝；撤回只限第一提案人")
    func moduleAndWithdraw() throws {
        let id = try store("zhangwei").draft(officeCode: "ordos", ProposalDraft(title: "关于某事的建议", body: "", category: "文化")).id!
        #expect(try store("zhangwei").apply(.withdraw, id: id).status == .withdrawn)
        try ModuleStore(host: host, context: admin).disable("proposals", officeCode: "ordos")
        let disabled = #expect(throws: LvzhiError.self) { try self.store("zhangwei").list(officeCode: "ordos") }
        #expect(disabled?.code == .moduleDisabled)
    }

    @Test("并发立案：两个连接同时立案，编号连续、不重复")
    func concurrentNumbering() throws {
        let member = try store("zhangwei")
        var ids: [Int64] = []
        for i in 0..<40 {
            let id = try member.draft(officeCode: "ordos", ProposalDraft(title: "建议\(i)", body: "", category: "经济")).id!
            _ = try member.apply(.submit, id: id)
            ids.append(id)
        }
        let path = self.path
        let halves = [Array(ids.prefix(20)), Array(ids.suffix(20))]
        let errors = ErrorBox()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            do {
                // Each worker has its own connection pool, as two processes would.
                let other = try LvzhiHost(path: path, plugins: [ProposalsPlugin.manifest])
                let staff = ProposalStore(host: other, context: try other.context(for: "staff"))
                for id in halves[index] { _ = try staff.apply(.file, id: id) }
            } catch { errors.add(error) }
        }
        #expect(errors.all.isEmpty, "\(errors.all)")
        let numbers = try host.read { db in try Int64.fetchAll(db, sql: "SELECT number FROM proposals WHERE number IS NOT NULL ORDER BY number") }
        #expect(numbers == Array(1...40))
    }
}

/// Errors collected from concurrent work.
final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [any Error] = []
    func add(_ error: any Error) { lock.withLock { errors.append(error) } }
    var all: [any Error] { lock.withLock { errors } }
}
