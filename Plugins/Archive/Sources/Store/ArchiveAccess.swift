import GRDB
import LvzhiCore
import LvzhiStorage

/// Who sees which descriptions. Archivists and administrators (``ArchivePlugin/restricted``)
/// see everything. Everyone else sees a unit only when it is open (开放), not classified
/// (公开), and its accession is neither deaccessioned nor under an access restriction that
/// still holds today. A unit one may not see is reported as not found, so its existence
/// does not leak; the same rule filters lists, search results and scripts.
public enum ArchiveAccess {
    /// Whether `context` sees restricted and classified material in `office`.
    public static func seesAll(_ context: AccessContext, office: Office, db: Database) throws -> Bool {
        try AccessGate.allows(context, ArchivePlugin.restricted, in: office, db: db)
    }

    /// The condition a unit (table alias `alias`) must meet to be seen by someone who does not see all.
    public static func openCondition(alias: String = "u") -> SQL {
        SQL(sql: """
            \(alias).openness = '开放' AND \(alias).secrecy = '公开' AND NOT EXISTS (
                SELECT 1 FROM archive_accessions acc WHERE acc.id = \(alias).accession_id
                AND (acc.deaccessioned_on IS NOT NULL
                     OR (acc.access_restricted AND (acc.access_ends_on IS NULL OR acc.access_ends_on > ?))))
            """, arguments: [Timestamp.todayInBeijing()])
    }

    /// The condition on units (alias `alias`) of `office` that `context` may see.
    public static func visible(_ context: AccessContext, office: Office, alias: String = "u", db: Database) throws -> SQL {
        try AccessGate.authorize(context, ArchivePlugin.read, in: office, db: db)
        let own = SQL(sql: "\(alias).office_id = ?", arguments: [office.id])
        return try seesAll(context, office: office, db: db) ? own : own + SQL(sql: " AND ") + openCondition(alias: alias)
    }

    /// Whether `unit` may be seen by someone who does not see all.
    public static func isOpen(_ unit: DescriptionUnit, db: Database) throws -> Bool {
        try Bool.fetchOne(db, SQLRequest<Bool>(literal: SQL(sql: "SELECT EXISTS (SELECT 1 FROM archive_units u WHERE u.id = ? AND ", arguments: [unit.id]) + openCondition() + SQL(sql: ")"))) ?? false
    }

    /// Unit `id`, if `context` may see it; otherwise not found (whether it exists or not).
    public static func unit(_ id: Int64, context: AccessContext, db: Database) throws -> (unit: DescriptionUnit, office: Office) {
        let notFound = LvzhiError.notFound("著录条目", "ID \(id)", hint: "用 lvzhi archive unit list --office 代码 查看")
        guard let unit = try DescriptionUnit.fetchOne(db, key: id) else { throw notFound }
        let office = try Office.find(id: unit.officeID!, db: db)
        try AccessGate.authorize(context, ArchivePlugin.read, in: office, db: db)
        if try !seesAll(context, office: office, db: db), try !isOpen(unit, db: db) { throw notFound }
        return (unit, office)
    }
}
