import GRDB
import LvzhiCore

/// Filters for reading the audit trail.
public struct AuditFilter: Sendable {
    public var officeCode: String?
    /// `YYYY-MM-DD`: entries from midnight (Beijing time) of that day.
    public var since: String?
    public var entity: String?
    public var limit: Int
    public init(officeCode: String? = nil, since: String? = nil, entity: String? = nil, limit: Int = 200) {
        self.officeCode = officeCode; self.since = since; self.entity = entity; self.limit = limit
    }
}

/// Reads the audit trail (writes happen only through ``AuditedTransaction``).
public struct AuditStore {
    public let host: LvzhiHost
    public let context: AccessContext
    public init(host: LvzhiHost, context: AccessContext) { self.host = host; self.context = context }

    /// Entries matching `filter`, newest first. Without an office only a superuser may read.
    public func list(_ filter: AuditFilter) throws -> [AuditRecord] {
        try host.read { db in try Self.list(filter, context: context, db: db) }
    }

    /// ``list(_:)`` inside a transaction someone else holds (a script run).
    public static func list(_ filter: AuditFilter, context: AccessContext, db: Database) throws -> [AuditRecord] {
        let since = try filter.since.map { try CalendarDate.parse($0, field: "起始日期") }
        try NumberRange.check(filter.limit, in: NumberRange.limit, field: "条数上限")
        var clauses: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let code = filter.officeCode {
            let office = try Office.authorized(code: code, context, CorePermission.auditRead, db: db)
            let ids = try OfficeTree.subtree(of: office.id!, db: db)
            clauses.append("office_id IN (\(ids.map(String.init).joined(separator: ",")))")
        } else if !context.user.isSuperuser {
            throw LvzhiError(.permissionDenied, "权限不足：查看全部审计记录需要系统管理员", hint: "用 --office 指定你管理的政协")
        }
        if let since { clauses.append("at >= ?"); arguments.append(Timestamp.beijingMidnightUTC(since)) }
        if let entity = filter.entity { clauses.append("entity = ?"); arguments.append(entity) }
        let whereSQL = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        return try AuditRecord.fetchAll(db, sql: "SELECT * FROM audit_log\(whereSQL) ORDER BY id DESC LIMIT \(filter.limit)",
                                        arguments: StatementArguments(arguments))
    }
}
