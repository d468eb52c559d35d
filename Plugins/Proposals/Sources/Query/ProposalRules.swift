import GRDB
import LvzhiCore
import LvzhiStorage

/// One body's standing against a rule of the seeds.
public struct CollectiveRuleRow: Codable, Sendable, Hashable {
    /// 专委会 or 界别活动组.
    public var bodyKind: String
    public var body: String
    /// Collective proposals submitted in its name in the year (drafts and withdrawn ones not counted).
    public var submitted: Int
    /// Of those, filed.
    public var filed: Int
    /// At least one submitted.
    public var met: Bool
}

/// The rules the seeds lay down for proposals, as reports: each special committee submits at
/// least one collective proposal a year in its own name, and each sector activity group at
/// least one (high-quality) collective proposal a year.
public enum ProposalRules {
    /// Every committee and activity group of the office with its collective proposals of `year` in `scope`.
    public static func collectiveCoverage(scope: ProposalAccess.Scope, year: Int, db: Database) throws -> [CollectiveRuleRow] {
        let office = scope.office
        try NumberRange.check(year, in: NumberRange.year, field: "年度")
        let counts = try Row.fetchAll(db, SQLRequest<Row>(literal: """
            SELECT collective_body, COUNT(*) AS submitted,
                   SUM(status IN ('filed', 'assigned', 'handling', 'replied', 'concluded')) AS filed
            FROM proposals p WHERE p.kind = 'collective' AND p.submitted_year = \(year)
              AND p.status NOT IN ('draft', 'withdrawn') AND \(scope.condition())
            GROUP BY collective_body
            """))
        let byBody = Dictionary(counts.map { ($0["collective_body"] as String, ($0["submitted"] as Int, ($0["filed"] as Int?) ?? 0)) },
                                uniquingKeysWith: { a, _ in a })
        func row(_ kind: String, _ name: String) -> CollectiveRuleRow {
            let (submitted, filed) = byBody[name] ?? (0, 0)
            return CollectiveRuleRow(bodyKind: kind, body: name, submitted: submitted, filed: filed, met: submitted > 0)
        }
        let committees = try String.fetchAll(db, sql: "SELECT name FROM committees WHERE office_id = ? ORDER BY id", arguments: [office.id])
        let groups = try String.fetchAll(db, sql: "SELECT name FROM activity_groups WHERE office_id = ? ORDER BY id", arguments: [office.id])
        return committees.map { row("专委会", $0) } + groups.map { row("界别活动组", $0) }
    }
}
