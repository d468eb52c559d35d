import GRDB
import LvzhiCore
import LvzhiStorage

/// A unit's part that is past its due date, or close to it (超期预警).
public struct DeadlineWarning: Codable, Sendable, Hashable {
    public var proposalID: Int64
    public var numberLabel: String?
    public var title: String
    public var unit: String
    public var role: String
    public var status: String
    public var dueOn: String
    /// Days past the due date (negative: days left).
    public var daysOverdue: Int
    public var isKey: Bool
    public var keySupervisor: String?
}

/// Overdue warnings: parts not yet replied whose due date has passed, or falls within `days`.
public enum ProposalDeadlines {
    /// The open parts of the proposals in `scope` due before `today + within` days, most overdue first.
    public static func warnings(scope: ProposalAccess.Scope, within days: Int = 0, unit: String? = nil, db: Database) throws -> [DeadlineWarning] {
        let office = scope.office
        try NumberRange.check(days, in: NumberRange.days, field: "预警天数", hint: "如 --within 30 列出 30 天内到期的承办")
        let today = Timestamp.todayInBeijing()
        let limit = CalendarDate.adding(days: days, to: today)
        let due: SQL = days == 0 ? "u.due_on < \(today)" : "u.due_on <= \(limit)"
        var sql: SQL = """
            SELECT p.id, p.number_label, p.title, p.is_key, p.key_supervisor, h.name AS unit, u.role, u.status, u.due_on
            FROM proposal_units u JOIN proposals p ON p.id = u.proposal_id JOIN handling_units h ON h.id = u.handling_unit_id
            WHERE u.status IN ('assigned', 'accepted') AND \(due) AND \(scope.condition())
            """
        if let unit {
            let found = try HandlingUnit.find(named: unit, officeID: office.id!, db: db)
            sql += " AND u.handling_unit_id = \(found.id)"
        }
        return try Row.fetchAll(db, SQLRequest<Row>(literal: sql + " ORDER BY u.due_on, p.id")).map { row in
            let due: String = row["due_on"]
            return DeadlineWarning(proposalID: row["id"], numberLabel: row["number_label"], title: row["title"], unit: row["unit"],
                                   role: UnitRole(rawValue: row["role"])?.title ?? row["role"],
                                   status: UnitStatus(rawValue: row["status"])?.title ?? row["status"], dueOn: due,
                                   daysOverdue: CalendarDate.days(from: due, to: today), isKey: row["is_key"], keySupervisor: row["key_supervisor"])
        }
    }
}
