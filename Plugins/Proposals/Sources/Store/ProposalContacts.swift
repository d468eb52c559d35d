import GRDB
import LvzhiCore
import LvzhiStorage

/// What a contact record says.
public struct ContactInput: Sendable {
    public var method: String
    public var stage: String
    public var on: String?
    public var participants: String?
    public var summary: String
    public init(method: String, stage: String = "办中", on: String? = nil, participants: String? = nil, summary: String) {
        self.method = method; self.stage = stage; self.on = on; self.participants = participants; self.summary = summary
    }
}

/// Contact records between handling units and proposers (办前/办中/办后 沟通, 四方联动): entered
/// by a unit about its own part, or by the office.
public enum ProposalContacts {
    /// Records a contact on proposal `id`.
    public static func add(id: Int64, _ input: ContactInput, tx: AuditedTransaction) throws -> ProposalContact {
        let (proposal, office) = try ProposalStore.load(id, context: tx.context, permission: ProposalsPlugin.read, db: tx.db)
        let unitRow: Int64?
        if let unitID = tx.context.user.handlingUnitID, try AccessGate.allows(tx.context, ProposalsPlugin.handle, in: office, db: tx.db) {
            guard let row = try ProposalUnit.filter(Column("proposal_id") == id && Column("handling_unit_id") == unitID
                                                    && Column("status") != UnitStatus.returned.rawValue).fetchOne(tx.db) else {
                throw LvzhiError(.permissionDenied, "用户「\(tx.context.user.username)」所在单位没有承办提案 \(id)")
            }
            unitRow = row.id
        } else {
            try AccessGate.authorize(tx.context, ProposalsPlugin.review, in: office, db: tx.db)
            unitRow = nil
        }
        guard proposal.status.isFiled, proposal.status != .filed else {
            throw LvzhiError(.ruleViolation, "提案 \(id)「\(proposal.title)」当前为「\(proposal.status.title)」，交办之后才有沟通记录")
        }
        guard ProposalContact.methods.contains(input.method) else {
            throw LvzhiError.invalid("沟通方式", input.method, "不是沟通方式", hint: "可用：\(ProposalContact.methods.joined(separator: "、"))")
        }
        guard ProposalContact.stages.contains(input.stage) else {
            throw LvzhiError.invalid("沟通阶段", input.stage, "不是沟通阶段", hint: "可用：\(ProposalContact.stages.joined(separator: "、"))")
        }
        guard let summary = Optional(input.summary).nonBlank else { throw LvzhiError.invalid("沟通情况", "", "不能为空", hint: "用 --summary 写明") }
        let day = try input.on.map { try CalendarDate.parse($0, field: "沟通日期") } ?? Timestamp.todayInBeijing()
        guard day <= Timestamp.todayInBeijing() else { throw LvzhiError.invalid("沟通日期", day, "不能晚于今天") }
        var record = ProposalContact(proposalID: id, proposalUnitID: unitRow, method: input.method, stage: input.stage, contactedOn: day,
                                     participants: input.participants.nonBlank, summary: summary, recordedBy: tx.context.user.username,
                                     recordedAt: Timestamp.now())
        try tx.insert(&record)
        try KeyProposals.step(proposal, "contact", "\(input.stage)沟通（\(input.method)，\(day)）：\(summary)", tx: tx)
        tx.emit(DomainEvent(name: "proposals.contacted", officeID: office.id, entity: Proposal.databaseTableName, entityID: id))
        return record
    }
}
