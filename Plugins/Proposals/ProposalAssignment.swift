import Foundation
import GRDB
import LvzhiCore
import LvzhiStorage

/// A handling unit's part in a proposal (交办): lead (主办) or co-handler (协办/会办), with its own status.
public struct ProposalUnit: Hashable, LvzhiRecord {
    public var id: Int64?
    public var proposalID: Int64
    public var handlingUnitID: Int64
    public var role: String
    /// assigned → accepted, or → returned (the office then reassigns).
    public var status: String
    public var assignedAt: String
    /// The reply deadline (three months from assignment by default).
    public var dueOn: String
    public var returnedReason: String?
    public var returnedAt: String?
    public var officeID: Int64? { nil }

    public static let databaseTableName = "proposal_units"
    public static let entityName = "提案承办"

    enum CodingKeys: String, CodingKey { case id, proposalID, handlingUnitID, role, status, assignedAt, dueOn, returnedReason, returnedAt }
}

/// Assignment of filed proposals to handling units, and the units' first answers (accept or
/// return). Each unit's row is its own sub-life; the office reassigns what a unit returns.
public enum ProposalAssignment {
    /// Months from assignment to the reply deadline.
    public static let defaultHandlingMonths = 3
    /// Days within which a unit may return a proposal that is not its business.
    public static let defaultReturnDays = 10

    /// Assigns filed proposal `id` to the lead unit and any co-handlers (by name).
    public static func assign(id: Int64, lead: String, coHandlers: [String], tx: AuditedTransaction) throws -> [ProposalUnit] {
        let (proposal, office) = try ProposalStore.load(id, context: tx.context, permission: ProposalsPlugin.review, db: tx.db)
        guard proposal.status == .filed else {
            throw LvzhiError(.ruleViolation, "提案 \(id)「\(proposal.title)」当前为「\(proposal.status.title)」，只有已立案的提案可以交办")
        }
        if try ProposalUnit.filter(Column("proposal_id") == id && Column("role") == "lead" && Column("status") != "returned").fetchCount(tx.db) > 0 {
            throw LvzhiError(.conflict, "提案 \(id) 已有主办单位", hint: "主办单位退回后才能重新交办")
        }
        let names = [lead] + coHandlers
        guard Set(names).count == names.count else { throw LvzhiError.invalid("承办单位", names.joined(separator: "、"), "有重复") }
        let today = Timestamp.todayInBeijing()
        var units: [ProposalUnit] = []
        for (index, name) in names.enumerated() {
            let unit = try HandlingUnit.find(named: name, officeID: office.id!, db: tx.db)
            var row = ProposalUnit(proposalID: id, handlingUnitID: unit.id!, role: index == 0 ? "lead" : "co", status: "assigned",
                                   assignedAt: today, dueOn: CalendarDate.adding(months: defaultHandlingMonths, to: today))
            try tx.insert(&row)
            units.append(row)
        }
        tx.emit(DomainEvent(name: "proposals.assigned", officeID: office.id, entity: Proposal.databaseTableName, entityID: id))
        return units
    }

    /// The acting handling unit accepts its part of proposal `id`.
    public static func accept(id: Int64, tx: AuditedTransaction) throws -> ProposalUnit {
        var (row, office) = try ownPart(id, tx: tx)
        guard row.status == "assigned" else { throw LvzhiError(.ruleViolation, "本单位对提案 \(id) 的承办已是「\(title(row.status))」") }
        let before = row
        row.status = "accepted"
        try tx.update(row, from: before, action: "accept")
        tx.emit(DomainEvent(name: "proposals.unit_accepted", officeID: office.id, entity: Proposal.databaseTableName, entityID: id))
        return row
    }

    /// The acting handling unit returns proposal `id` with a reason, within the allowed days.
    public static func giveBack(id: Int64, reason: String, on date: String = Timestamp.todayInBeijing(), tx: AuditedTransaction) throws -> ProposalUnit {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw LvzhiError.invalid("退回理由", "", "退回须写明理由") }
        var (row, office) = try ownPart(id, tx: tx)
        guard row.status == "assigned" else { throw LvzhiError(.ruleViolation, "本单位对提案 \(id) 的承办已是「\(title(row.status))」，不能退回") }
        let last = CalendarDate.adding(days: defaultReturnDays, to: row.assignedAt)
        guard date <= last else {
            throw LvzhiError(.ruleViolation, "提案 \(id) 交办于 \(row.assignedAt)，退回期限（\(defaultReturnDays) 天）已于 \(last) 截止")
        }
        let before = row
        row.status = "returned"
        row.returnedReason = reason
        row.returnedAt = Timestamp.now()
        try tx.update(row, from: before, action: "return")
        tx.emit(DomainEvent(name: "proposals.unit_returned", officeID: office.id, entity: Proposal.databaseTableName, entityID: id))
        return row
    }

    /// The units of proposal `id` with their names.
    public static func units(of id: Int64, db: Database) throws -> [(unit: String, part: ProposalUnit)] {
        try ProposalUnit.filter(Column("proposal_id") == id).order(Column("id")).fetchAll(db).map {
            (try HandlingUnit.find(id: $0.handlingUnitID, db: db).name, $0)
        }
    }

    /// The Chinese name of a unit's status.
    public static func title(_ status: String) -> String {
        ["assigned": "已交办", "accepted": "已接收", "returned": "已退回"][status] ?? status
    }

    /// The acting handling unit's active part in proposal `id`.
    static func ownPart(_ id: Int64, tx: AuditedTransaction) throws -> (ProposalUnit, Office) {
        let (_, office) = try ProposalStore.load(id, context: tx.context, permission: ProposalsPlugin.handle, db: tx.db)
        guard let unitID = tx.context.user.handlingUnitID,
              let row = try ProposalUnit.filter(Column("proposal_id") == id && Column("handling_unit_id") == unitID && Column("status") != "returned").fetchOne(tx.db) else {
            throw LvzhiError(.permissionDenied, "用户「\(tx.context.user.username)」所在单位没有承办提案 \(id)")
        }
        return (row, office)
    }
}

extension ProposalStore {
    /// Assigns filed proposal `id` to `lead` and `coHandlers` (交办).
    @discardableResult
    public func assign(id: Int64, lead: String, coHandlers: [String] = []) throws -> [ProposalUnit] {
        try host.write(as: context) { tx in try ProposalAssignment.assign(id: id, lead: lead, coHandlers: coHandlers, tx: tx) }
    }

    /// The acting unit accepts proposal `id`.
    @discardableResult
    public func accept(id: Int64) throws -> ProposalUnit {
        try host.write(as: context) { tx in try ProposalAssignment.accept(id: id, tx: tx) }
    }

    /// The acting unit returns proposal `id` (within the allowed days).
    @discardableResult
    public func giveBack(id: Int64, reason: String) throws -> ProposalUnit {
        try host.write(as: context) { tx in try ProposalAssignment.giveBack(id: id, reason: reason, tx: tx) }
    }

    /// The units of proposal `id`.
    public func units(of id: Int64) throws -> [(unit: String, part: ProposalUnit)] {
        try host.read { db in
            _ = try Self.load(id, context: context, permission: ProposalsPlugin.read, db: db)
            return try ProposalAssignment.units(of: id, db: db)
        }
    }
}
