import GRDB
import LvzhiCore
import LvzhiStorage

/// One category's proposals by state (the annual statistics table).
public struct CategoryStatusRow: Codable, Sendable, Hashable {
    public var category: String
    /// Counts by state id (`filed`, `handling` …); states with none are absent.
    public var counts: [String: Int]
    public var total: Int
}

/// A handling unit's record for the democratic appraisal of units (民主评议).
public struct UnitEvaluationRow: Codable, Sendable, Hashable {
    public var unit: String
    /// Parts as lead unit and as co-handler (returned parts not counted).
    public var lead: Int
    public var co: Int
    /// Parts the unit gave back (退回).
    public var returned: Int
    /// Lead parts replied (or rated).
    public var replied: Int
    /// Replies given by the due date, and after it.
    public var onTime: Int
    public var late: Int
    /// Parts still open past their due date.
    public var overdue: Int
    /// Current replies by outcome class.
    public var outcomeA: Int
    public var outcomeB: Int
    public var outcomeC: Int
    public var satisfied: Int
    public var basic: Int
    public var unsatisfied: Int
    /// (满意 + 基本满意) / all ratings, in per cent; nil without ratings.
    public var satisfactionPercent: Double?
    /// Replies on time / replies, in per cent; nil without replies.
    public var onTimePercent: Double?
}

/// The numbers a year's proposals come to.
public struct ProposalTotals: Codable, Sendable, Hashable {
    public var submitted: Int
    public var filed: Int
    public var rejected: Int
    public var converted: Int
    public var merged: Int
    public var collective: Int
    public var key: Int
    public var concluded: Int
    public var overdue: Int
    /// Filed / submitted, in per cent.
    public var filingPercent: Double?
}

/// The statistics the annual report and the appraisal of units need.
public enum ProposalStatistics {
    /// The proposals in `scope` (submitted in `year`, when given) by category and state, in the
    /// office's category order; drafts are not counted.
    public static func byCategory(scope: ProposalAccess.Scope, year: Int?, db: Database) throws -> [CategoryStatusRow] {
        let office = scope.office
        try NumberRange.checkIfGiven(year, in: NumberRange.year, field: "年度")
        var sql: SQL = "SELECT category, status, COUNT(*) AS n FROM proposals p WHERE p.status != 'draft' AND \(scope.condition())"
        if let year { sql += " AND p.submitted_year = \(year)" }
        let rows = try Row.fetchAll(db, SQLRequest<Row>(literal: sql + " GROUP BY category, status"))
        var categories = try ProposalStore.categories(office: office, db: db)
        for row in rows where !categories.contains(row["category"]) { categories.append(row["category"]) }
        return categories.map { category in
            var counts: [String: Int] = [:]
            for row in rows where row["category"] == category { counts[row["status"]] = row["n"] }
            return CategoryStatusRow(category: category, counts: counts, total: counts.values.reduce(0, +))
        }
    }

    /// The year's totals of the proposals in `scope`.
    public static func totals(scope: ProposalAccess.Scope, year: Int?, db: Database) throws -> ProposalTotals {
        try NumberRange.checkIfGiven(year, in: NumberRange.year, field: "年度")
        var clause: SQL = "p.status != 'draft' AND \(scope.condition())"
        if let year { clause += " AND p.submitted_year = \(year)" }
        let row = try Row.fetchOne(db, SQLRequest<Row>(literal: """
            SELECT COUNT(*) AS submitted,
                   SUM(status IN ('filed', 'assigned', 'handling', 'replied', 'concluded')) AS filed,
                   SUM(status = 'rejected') AS rejected, SUM(status = 'converted') AS converted, SUM(status = 'merged') AS merged,
                   SUM(kind = 'collective') AS collective, SUM(status = 'concluded') AS concluded,
                   SUM(id IN (SELECT proposal_id FROM proposal_units WHERE status IN ('assigned', 'accepted') AND due_on < \(Timestamp.todayInBeijing()))) AS overdue
            FROM proposals p WHERE \(clause)
            """))!
        // Key proposals are chosen for a year (key_year), whatever year they were submitted in.
        var keyClause: SQL = "SELECT COUNT(*) FROM proposals p WHERE p.is_key AND \(scope.condition())"
        if let year { keyClause += " AND p.key_year = \(year)" }
        let key = try Int.fetchOne(db, SQLRequest<Int>(literal: keyClause)) ?? 0
        let submitted: Int = row["submitted"]
        let filed: Int = row["filed"] ?? 0
        return ProposalTotals(submitted: submitted, filed: filed, rejected: row["rejected"] ?? 0, converted: row["converted"] ?? 0,
                              merged: row["merged"] ?? 0, collective: row["collective"] ?? 0, key: key,
                              concluded: row["concluded"] ?? 0, overdue: row["overdue"] ?? 0,
                              filingPercent: submitted == 0 ? nil : percent(filed, submitted))
    }

    /// Every handling unit of the office with its record on the proposals in `scope` submitted in
    /// `year` (all years when nil), by name order of registration.
    public static func units(scope: ProposalAccess.Scope, year: Int?, db: Database) throws -> [UnitEvaluationRow] {
        let office = scope.office
        try NumberRange.checkIfGiven(year, in: NumberRange.year, field: "年度")
        let today = Timestamp.todayInBeijing()
        var clause = scope.condition()
        if let year { clause += " AND p.submitted_year = \(year)" }
        let parts = try Row.fetchAll(db, SQLRequest<Row>(literal: """
            SELECT u.id, u.handling_unit_id, u.role, u.status, u.due_on, u.replied_at FROM proposal_units u
            JOIN proposals p ON p.id = u.proposal_id WHERE \(clause)
            """))
        let replies = try Row.fetchAll(db, SQLRequest<Row>(literal: """
            SELECT u.handling_unit_id, r.id, r.outcome FROM proposal_replies r JOIN proposal_units u ON u.id = r.proposal_unit_id
            JOIN proposals p ON p.id = r.proposal_id
            WHERE r.sent_back_at IS NULL
              AND r.id = (SELECT MAX(r2.id) FROM proposal_replies r2 WHERE r2.proposal_unit_id = r.proposal_unit_id AND r2.sent_back_at IS NULL)
              AND \(clause)
            """))
        let ratings = try Row.fetchAll(db, SQLRequest<Row>(literal: """
            SELECT u.handling_unit_id, t.rating FROM proposal_ratings t JOIN proposal_replies r ON r.id = t.reply_id
            JOIN proposal_units u ON u.id = r.proposal_unit_id JOIN proposals p ON p.id = t.proposal_id
            WHERE \(clause)
            """))
        return try HandlingUnit.filter(Column("office_id") == office.id).order(Column("id")).fetchAll(db).map { unit in
            let mine = parts.filter { $0["handling_unit_id"] == unit.id }
            let active = mine.filter { $0["status"] != UnitStatus.returned.rawValue }
            let leadReplied = active.filter { $0["role"] == UnitRole.lead.rawValue && [UnitStatus.replied.rawValue, UnitStatus.rated.rawValue].contains($0["status"] as String) }
            let onTime = leadReplied.filter { row in (row["replied_at"] as String?).map { Timestamp.beijingDay($0) <= (row["due_on"] as String) } ?? false }.count
            let outcomes = replies.filter { $0["handling_unit_id"] == unit.id }.map { $0["outcome"] as String }
            let marks = ratings.filter { $0["handling_unit_id"] == unit.id }.map { $0["rating"] as String }
            let satisfied = marks.filter { $0 == Rating.satisfied.rawValue }.count
            let basic = marks.filter { $0 == Rating.basic.rawValue }.count
            return UnitEvaluationRow(
                unit: unit.name,
                lead: active.filter { $0["role"] == UnitRole.lead.rawValue }.count,
                co: active.filter { $0["role"] == UnitRole.co.rawValue }.count,
                returned: mine.count - active.count,
                replied: leadReplied.count, onTime: onTime, late: leadReplied.count - onTime,
                overdue: active.filter { [UnitStatus.assigned.rawValue, UnitStatus.accepted.rawValue].contains($0["status"] as String) && ($0["due_on"] as String) < today }.count,
                outcomeA: outcomes.filter { $0 == "A" }.count, outcomeB: outcomes.filter { $0 == "B" }.count, outcomeC: outcomes.filter { $0 == "C" }.count,
                satisfied: satisfied, basic: basic, unsatisfied: marks.count - satisfied - basic,
                satisfactionPercent: marks.isEmpty ? nil : percent(satisfied + basic, marks.count),
                onTimePercent: leadReplied.isEmpty ? nil : percent(onTime, leadReplied.count))
        }
    }

    static func percent(_ part: Int, _ whole: Int) -> Double { (Double(part) * 1000 / Double(whole)).rounded() / 10 }
}
