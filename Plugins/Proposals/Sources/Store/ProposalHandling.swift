import Foundation
import GRDB
import LvzhiCore
import LvzhiStorage

/// What a lead unit writes in its reply (答复).
public struct ReplyInput: Sendable {
    public var outcome: String
    public var body: String
    public var documentNumber: String?
    public var contactPerson: String?
    public var contactPhone: String?

    public init(outcome: String, body: String, documentNumber: String? = nil, contactPerson: String? = nil, contactPhone: String? = nil) {
        self.outcome = outcome; self.body = body; self.documentNumber = documentNumber
        self.contactPerson = contactPerson; self.contactPhone = contactPhone
    }
}

/// The details a unit step may take besides its note.
public struct UnitStepInput: Sendable {
    /// For office steps: which unit (by name); nil: the lead unit.
    public var unit: String?
    public var note: String?
    /// For `reply`.
    public var reply: ReplyInput?
    /// For `extend`: the new due date.
    public var until: String?

    public init(unit: String? = nil, note: String? = nil, reply: ReplyInput? = nil, until: String? = nil) {
        self.unit = unit; self.note = note; self.reply = reply; self.until = until
    }
}

/// Assignment (交办) of filed proposals, and every step of a unit's sub-life through
/// ``UnitWorkflow``: each checked, audited, recorded in the history with the unit, announced,
/// and followed by the derivation of the proposal's state.
public enum ProposalHandling {
    /// Assigns filed proposal `id` to the lead unit and any co-handlers (by name), due after the
    /// office's handling months. Also used to reassign after the lead unit returned it.
    public static func assign(id: Int64, lead: String, coHandlers: [String], tx: AuditedTransaction) throws -> [ProposalUnit] {
        let (proposal, office) = try ProposalStore.load(id, context: tx.context, permission: ProposalsPlugin.review, db: tx.db)
        guard proposal.status == .filed else {
            let hint = proposal.status.isFiled ? "已有主办单位；主办单位退回后才能重新交办" : "只有已立案的提案可以交办"
            throw LvzhiError(.ruleViolation, "提案 \(id)「\(proposal.title)」当前为「\(proposal.status.title)」，不能交办", hint: hint)
        }
        let names = [lead] + coHandlers
        guard Set(names).count == names.count else { throw LvzhiError.invalid("承办单位", names.joined(separator: "、"), "有重复") }
        let active = try ProposalUnit.filter(Column("proposal_id") == id && Column("status") != UnitStatus.returned.rawValue).fetchAll(tx.db)
        let today = Timestamp.todayInBeijing()
        let months = try ProposalsPlugin.settings(office, db: tx.db).integer(ProposalsPlugin.Setting.handlingMonths.key)
        var units: [ProposalUnit] = []
        for (index, name) in names.enumerated() {
            let unit = try HandlingUnit.find(named: name, officeID: office.id!, db: tx.db)
            if active.contains(where: { $0.handlingUnitID == unit.id }) {
                throw LvzhiError(.conflict, "「\(name.quotedForMessage)」已在承办提案 \(id)")
            }
            var row = ProposalUnit(proposalID: id, handlingUnitID: unit.id!, role: index == 0 ? .lead : .co, status: .assigned,
                                   assignedAt: today, dueOn: CalendarDate.adding(months: months, to: today))
            try tx.insert(&row)
            units.append(row)
        }
        var step = ProposalStep(proposalID: id, action: "assign", fromStatus: proposal.status.rawValue, toStatus: ProposalStatus.assigned.rawValue,
                                note: "主办：\(lead)" + (coHandlers.isEmpty ? "" : "；协办：\(coHandlers.joined(separator: "、"))"),
                                username: tx.context.user.username, at: Timestamp.now(), unitID: units[0].id)
        try tx.insert(&step)
        try ProposalProgress.refresh(id, tx: tx)
        tx.emit(DomainEvent(name: "proposals.assigned", officeID: office.id, entity: Proposal.databaseTableName, entityID: id))
        return units
    }

    /// Applies unit step `action` to proposal `id`: by the acting handling unit to its own part,
    /// or by the office to `input.unit` (the lead unit when nil). The one place unit steps happen.
    @discardableResult
    public static func apply(_ action: UnitAction, id: Int64, _ input: UnitStepInput = UnitStepInput(), tx: AuditedTransaction) throws -> ProposalUnit {
        let transition = UnitWorkflow.transition(action)
        let (proposal, office) = try ProposalStore.load(id, context: tx.context, permission: transition.permission, db: tx.db)
        guard proposal.status.isFiled else {
            throw LvzhiError(.ruleViolation, "提案 \(id)「\(proposal.title)」当前为「\(proposal.status.title)」，尚未交办，不能\(action.title)")
        }
        let (before, unitName) = try part(of: proposal, office: office, actor: transition.actor, unit: input.unit, tx: tx)
        guard transition.roles.contains(before.role) else {
            let hint = before.role == .co ? "协办单位用 lvzhi proposal opinion \(id) --note 意见 向主办单位提出协办意见" : "主办单位用 lvzhi proposal reply \(id) 答复"
            throw LvzhiError(.ruleViolation, "「\(unitName)」是提案 \(id) 的\(before.role.title)单位，不能\(action.title)", hint: hint)
        }
        guard transition.from.contains(before.status) else {
            let allowed = transition.from.map(\.title).sorted().joined(separator: "、")
            throw LvzhiError(.ruleViolation, "「\(unitName)」对提案 \(id) 的承办当前为「\(before.status.title)」，不能\(action.title)（只有\(allowed)时可以）")
        }
        let note = input.note?.trimmingCharacters(in: .whitespacesAndNewlines)
        if transition.requiresNote, note?.isEmpty ?? true {
            throw LvzhiError.invalid(action == .opinion ? "协办意见" : "理由", "", "\(action.title)须写明\(action == .opinion ? "意见" : "理由")", hint: "用 --note 写明")
        }
        let settings = try ProposalsPlugin.settings(office, db: tx.db)
        let today = Timestamp.todayInBeijing()
        var row = before
        if let to = transition.to { row.status = to }
        var stepNote = note
        switch action {
        case .accept:
            row.acceptedAt = Timestamp.now()
        case .giveBack:
            let days = settings.integer(ProposalsPlugin.Setting.returnDays.key)
            let last = CalendarDate.adding(days: days, to: before.assignedAt)
            guard today <= last else {
                throw LvzhiError(.ruleViolation, "提案 \(id) 交办于 \(before.assignedAt)，退回期限（\(days) 天）已于 \(last) 截止",
                                 hint: "请与政协提案委员会联系调整承办单位")
            }
            row.returnedReason = note
            row.returnedAt = Timestamp.now()
        case .reply:
            guard let input = input.reply else { throw LvzhiError.invalid("答复", "", "须写明答复类别和答复内容", hint: "用 --outcome A|B|C 和 --body 答复内容") }
            let outcome = try ReplyOutcome.parse(input.outcome)
            let body = input.body.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !body.isEmpty else { throw LvzhiError.invalid("答复内容", "", "不能为空", hint: "用 --body 或 --body-file 给出答复全文") }
            var reply = ProposalReply(proposalID: id, proposalUnitID: before.id!, outcome: outcome, body: body,
                                      documentNumber: input.documentNumber.nonBlank, contactPerson: input.contactPerson.nonBlank,
                                      contactPhone: input.contactPhone.nonBlank, repliedBy: tx.context.user.username, repliedAt: Timestamp.now())
            try tx.insert(&reply)
            row.repliedAt = reply.repliedAt
            stepNote = outcome.title + (input.documentNumber.nonBlank.map { "，\($0)" } ?? "")
        case .opinion:
            row.opinion = note
            row.repliedAt = Timestamp.now()
        case .sendBack:
            guard var reply = try ProposalReplies.current(unitRowID: before.id!, db: tx.db) else {
                throw LvzhiError(.ruleViolation, "提案 \(id) 没有可退回的答复")
            }
            guard reply.publishedAt == nil else {
                throw LvzhiError(.ruleViolation, "提案 \(id) 的答复已于 \(Timestamp.display(reply.publishedAt!)) 公布，不能再退回重办",
                                 hint: "提案人不满意时可由办公室安排重新办理：lvzhi proposal rehandle \(id) --note 理由")
            }
            let old = reply
            reply.sentBackAt = Timestamp.now()
            reply.sentBackReason = note
            try tx.update(reply, from: old, action: "send-back")
            row.repliedAt = nil
        case .rehandle:
            // One proposer's 不满意 is enough: the others need not have rated yet.
            guard let reply = try ProposalReplies.current(unitRowID: before.id!, db: tx.db), reply.publishedAt != nil,
                  try ProposalRating.filter(Column("reply_id") == reply.id! && Column("rating") == Rating.unsatisfied.rawValue).fetchCount(tx.db) > 0 else {
                throw LvzhiError(.ruleViolation, "提案 \(id) 的答复没有「不满意」的测评，不需要重新办理")
            }
            row.dueOn = CalendarDate.adding(months: settings.integer(ProposalsPlugin.Setting.rehandleMonths.key), to: today)
            row.repliedAt = nil
            stepNote = (note ?? "") + "（新期限 \(row.dueOn)）"
        case .extend:
            guard let text = input.until else { throw LvzhiError.invalid("延期至", "", "须写明新的办理期限", hint: "用 --until 日期") }
            let until = try CalendarDate.parse(text, field: "延期至")
            let maxMonths = settings.integer(ProposalsPlugin.Setting.maxHandlingMonths.key)
            let latest = CalendarDate.adding(months: maxMonths, to: before.assignedAt)
            guard until > before.dueOn else {
                throw LvzhiError.invalid("延期至", until, "应晚于现在的期限 \(before.dueOn)")
            }
            guard until <= latest else {
                throw LvzhiError.invalid("延期至", until, "超过了最长办理期限（交办后 \(maxMonths) 个月，即 \(latest)）")
            }
            row.dueOn = until
            stepNote = "\(note ?? "")（期限 \(before.dueOn) → \(until)）"
        }
        try tx.update(row, from: before, action: action.rawValue)
        var step = ProposalStep(proposalID: id, action: action.rawValue, fromStatus: before.status.rawValue, toStatus: row.status.rawValue,
                                note: stepNote.map { "\(unitName)：\($0)" } ?? unitName, username: tx.context.user.username, at: Timestamp.now(),
                                unitID: row.id)
        try tx.insert(&step)
        try ProposalProgress.refresh(id, tx: tx)
        tx.emit(DomainEvent(name: "proposals.\(action.eventName)", officeID: office.id, entity: Proposal.databaseTableName, entityID: id))
        return row
    }

    /// The units of proposal `id` with their names, in assignment order.
    public static func units(of id: Int64, db: Database) throws -> [(unit: String, part: ProposalUnit)] {
        try ProposalUnit.filter(Column("proposal_id") == id).order(Column("id")).fetchAll(db).map {
            (try HandlingUnit.find(id: $0.handlingUnitID, db: db).name, $0)
        }
    }

    /// The part a step applies to: the acting unit's own (a unit step), or `unit`'s / the lead's (an office step).
    static func part(of proposal: Proposal, office: Office, actor: UnitStepActor, unit: String?, tx: AuditedTransaction) throws -> (ProposalUnit, String) {
        let id = proposal.id!
        let active = try ProposalUnit.filter(Column("proposal_id") == id && Column("status") != UnitStatus.returned.rawValue).fetchAll(tx.db)
        switch actor {
        case .unit:
            guard let unitID = tx.context.user.handlingUnitID, let row = active.first(where: { $0.handlingUnitID == unitID }) else {
                throw LvzhiError(.permissionDenied, "用户「\(tx.context.user.username)」所在单位没有承办提案 \(id)")
            }
            if let unit, try HandlingUnit.find(id: unitID, db: tx.db).name != unit {
                throw LvzhiError(.permissionDenied, "用户「\(tx.context.user.username)」不属于「\(unit)」，只能办理本单位的承办")
            }
            return (row, try HandlingUnit.find(id: unitID, db: tx.db).name)
        case .office:
            if let unit {
                let found = try HandlingUnit.find(named: unit, officeID: office.id!, db: tx.db)
                guard let row = active.first(where: { $0.handlingUnitID == found.id }) else {
                    throw LvzhiError(.ruleViolation, "「\(unit)」没有承办提案 \(id)")
                }
                return (row, unit)
            }
            guard let lead = active.first(where: { $0.role == .lead }) else {
                throw LvzhiError(.ruleViolation, "提案 \(id) 目前没有主办单位", hint: "先交办：lvzhi proposal assign \(id) --lead 单位")
            }
            return (lead, try HandlingUnit.find(id: lead.handlingUnitID, db: tx.db).name)
        }
    }
}
