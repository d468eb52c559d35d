import GRDB
import LvzhiCore
import LvzhiStorage

/// Key proposals (重点提案), chosen each year, each supervised (督办) by a member of the
/// chairman's meeting or led (领办) by a vice-mayor; and supervision notes on any proposal in handling.
public enum KeyProposals {
    /// The member roles that sit in the chairman's meeting (主席会议成员).
    public static let chairmansMeeting = ["主席", "副主席", "秘书长"]
    /// 督办 (a chairman's-meeting member supervises) or 领办 (a vice-mayor leads).
    public static let modes = ["督办", "领办"]

    /// Marks filed proposal `id` as a key proposal of `year`, supervised by member
    /// `supervisorMemberID` (who must sit in the chairman's meeting) or by `supervisor` (by name, e.g. 副市长 王某某).
    public static func mark(id: Int64, year: Int, supervisorMemberID: Int64?, supervisor: String?, mode: String?, tx: AuditedTransaction) throws -> Proposal {
        let (proposal, office) = try ProposalStore.load(id, context: tx.context, permission: ProposalsPlugin.review, db: tx.db)
        guard proposal.status.isFiled else {
            throw LvzhiError(.ruleViolation, "提案 \(id)「\(proposal.title)」当前为「\(proposal.status.title)」，只有已立案的提案可以确定为重点提案")
        }
        try NumberRange.check(year, in: NumberRange.year, field: "年度")
        let mode = mode ?? (supervisorMemberID != nil ? "督办" : "领办")
        guard modes.contains(mode) else { throw LvzhiError.invalid("督办方式", mode, "应为 督办（主席会议成员领衔督办）或 领办（副市长领办）") }
        var name: String
        if let memberID = supervisorMemberID {
            let member = try Member.find(id: memberID, db: tx.db)
            guard member.officeID == office.id, let role = chairmansMeeting.first(where: member.roles.contains) else {
                throw LvzhiError.invalid("督办领导", "\(member.name)（ID \(memberID)）", "不是「\(office.name)」的主席会议成员（主席、副主席、秘书长）",
                                         hint: "政府领导领办时用 --supervisor 姓名和职务，如 --supervisor \"副市长 王某某\"")
            }
            name = "\(role) \(member.name)"
        } else if let supervisor = supervisor.nonBlank {
            name = supervisor
        } else {
            throw LvzhiError.invalid("督办领导", "", "须指明领衔督办的主席会议成员（--supervisor-member 委员ID）或领办的政府领导（--supervisor 姓名）")
        }
        var updated = proposal
        updated.isKey = true
        updated.keyYear = year
        updated.keyMode = mode
        updated.keySupervisor = name
        updated.keySupervisorMemberID = supervisorMemberID
        try tx.update(updated, from: proposal, action: "key")
        try step(proposal, "key", "确定为 \(year) 年度重点提案，\(name) \(mode)", tx: tx)
        tx.emit(DomainEvent(name: "proposals.key_marked", officeID: office.id, entity: Proposal.databaseTableName, entityID: id))
        return updated
    }

    /// Takes proposal `id` off the key proposals, with a reason.
    public static func unmark(id: Int64, reason: String, tx: AuditedTransaction) throws -> Proposal {
        let (proposal, office) = try ProposalStore.load(id, context: tx.context, permission: ProposalsPlugin.review, db: tx.db)
        guard proposal.isKey else { throw LvzhiError(.ruleViolation, "提案 \(id) 不是重点提案") }
        guard let reason = Optional(reason).nonBlank else { throw LvzhiError.invalid("理由", "", "取消重点提案须写明理由", hint: "用 --note 写明") }
        var updated = proposal
        updated.isKey = false
        updated.keyYear = nil; updated.keyMode = nil; updated.keySupervisor = nil; updated.keySupervisorMemberID = nil
        try tx.update(updated, from: proposal, action: "unkey")
        try step(proposal, "unkey", "取消重点提案：\(reason)", tx: tx)
        tx.emit(DomainEvent(name: "proposals.flagged", officeID: office.id, entity: Proposal.databaseTableName, entityID: id))
        return updated
    }

    /// Records a supervision note (督办) on proposal `id`, which must be assigned to units.
    public static func supervise(id: Int64, note: String, on date: String?, tx: AuditedTransaction) throws -> ProposalSupervision {
        let (proposal, office) = try ProposalStore.load(id, context: tx.context, permission: ProposalsPlugin.review, db: tx.db)
        guard proposal.status.isFiled, proposal.status != .filed else {
            throw LvzhiError(.ruleViolation, "提案 \(id)「\(proposal.title)」当前为「\(proposal.status.title)」，交办之后才能督办")
        }
        guard let note = Optional(note).nonBlank else { throw LvzhiError.invalid("督办情况", "", "不能为空", hint: "用 --note 写明督办情况") }
        let today = Timestamp.todayInBeijing()
        let day = try date.map { try CalendarDate.parse($0, field: "督办日期") } ?? today
        // Supervision follows assignment: a date before the proposal was assigned, or after today, is a typing mistake.
        if let assigned = try String.fetchOne(tx.db, sql: "SELECT MIN(assigned_at) FROM proposal_units WHERE proposal_id = ?", arguments: [id]),
           day < assigned {
            throw LvzhiError.invalid("督办日期", day, "早于提案 \(id) 的交办日期 \(assigned)", hint: "督办记录在交办之后才能写；日期写实际督办的那一天")
        }
        if day > today {
            throw LvzhiError.invalid("督办日期", day, "晚于今天（\(today)）", hint: "督办记录写已经进行的督办；省略 --on 即为今天")
        }
        var record = ProposalSupervision(proposalID: id, supervisedOn: day, note: note, recordedBy: tx.context.user.username, recordedAt: Timestamp.now())
        try tx.insert(&record)
        try step(proposal, "supervise", "督办：\(note)", tx: tx)
        tx.emit(DomainEvent(name: "proposals.supervised", officeID: office.id, entity: Proposal.databaseTableName, entityID: id))
        return record
    }

    /// Records a step of proposal-wide bookkeeping (the state does not change).
    static func step(_ proposal: Proposal, _ action: String, _ note: String, tx: AuditedTransaction) throws {
        var step = ProposalStep(proposalID: proposal.id!, action: action, fromStatus: proposal.status.rawValue, toStatus: proposal.status.rawValue,
                                note: note, username: tx.context.user.username, at: Timestamp.now())
        try tx.insert(&step)
    }
}
