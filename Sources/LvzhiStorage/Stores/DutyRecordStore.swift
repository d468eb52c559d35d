import GRDB
import LvzhiCore

/// A duty-record entry as `lvzhi duty list` shows it: with the member's name and the kind's Chinese name.
public struct DutyRecordView: Codable, Sendable, Hashable {
    public var id: Int64
    public var memberID: Int64
    public var member: String
    public var module: String
    public var kind: String
    public var kindTitle: String
    public var title: String
    public var entity: String
    public var entityID: Int64
    public var occurredOn: String
}

/// How many entries of each kind one member has, for the annual duty report.
public struct DutySummaryRow: Codable, Sendable, Hashable {
    public var memberID: Int64
    public var member: String
    /// Counts by kind id (`proposals.first` → 3).
    public var counts: [String: Int]
    public var total: Int
}

/// Filters for the duty record.
public struct DutyFilter: Sendable {
    public var memberID: Int64?
    /// A calendar year (by the day the thing happened).
    public var year: Int?
    public var kind: String?
    public init(memberID: Int64? = nil, year: Int? = nil, kind: String? = nil) {
        self.memberID = memberID; self.year = year; self.kind = kind
    }

    /// The filter, once its kind is one the modules declare (a mistyped kind would look like an
    /// empty record); the store's list and summary check it, for the CLI and Lua alike.
    /// - Throws: ``LvzhiError`` naming the kind and listing those there are.
    func checked(against registry: ModuleRegistry) throws -> DutyFilter {
        guard let kind else { return self }
        let kinds = registry.manifests.flatMap(\.dutyKinds)
        guard kinds.contains(where: { $0.id == kind }) else {
            throw LvzhiError.invalid("履职记录种类", kind, "不是已有的种类",
                                     hint: "可用：" + kinds.map { "\($0.id)（\($0.title)）" }.joined(separator: "、"))
        }
        return self
    }
}

/// The duty record (履职档案): modules append entries inside their own transactions; anyone
/// who may read the office's organisation may read them.
public struct DutyRecordStore {
    public let host: LvzhiHost
    public let context: AccessContext
    public init(host: LvzhiHost, context: AccessContext) { self.host = host; self.context = context }

    /// The office's entries matching `filter`, oldest first.
    public func list(officeCode: String, filter: DutyFilter = DutyFilter()) throws -> [DutyRecordView] {
        try host.read { db in try Self.list(officeCode: officeCode, filter: filter, registry: host.registry, context: context, db: db) }
    }

    /// Counts per member and kind.
    public func summary(officeCode: String, filter: DutyFilter = DutyFilter()) throws -> [DutySummaryRow] {
        try host.read { db in try Self.summary(officeCode: officeCode, filter: filter, registry: host.registry, context: context, db: db) }
    }

    /// Appends an entry for `memberID` unless the same one (member, kind, record) is already there.
    /// Call it inside the transaction of the change it records, so both land or neither.
    public static func append(memberID: Int64, kind: DutyKind, title: String, entity: String, entityID: Int64,
                              occurredOn: String, tx: AuditedTransaction) throws {
        let exists = try DutyRecord.filter(Column("member_id") == memberID && Column("kind") == kind.id
                                           && Column("entity") == entity && Column("entity_id") == entityID).fetchCount(tx.db) > 0
        if exists { return }
        let member = try Member.find(id: memberID, db: tx.db)
        let moduleID = String(kind.id.prefix { $0 != "." })
        var record = DutyRecord(officeID: member.officeID!, termID: member.termID, memberID: memberID, moduleID: moduleID, kind: kind.id,
                                title: title, entity: entity, entityID: entityID, occurredOn: occurredOn, recordedAt: Timestamp.now())
        try tx.insert(&record)
    }

    /// ``list(officeCode:filter:)`` inside a transaction someone else holds (a script run).
    public static func list(officeCode: String, filter: DutyFilter, registry: ModuleRegistry, context: AccessContext, db: Database) throws -> [DutyRecordView] {
        let titles = Dictionary(registry.manifests.flatMap(\.dutyKinds).map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        let (clause, arguments) = try whereClause(officeCode: officeCode, filter: filter, registry: registry, context: context, db: db)
        return try Row.fetchAll(db, sql: """
            SELECT d.*, m.name AS member_name FROM duty_records d JOIN members m ON m.id = d.member_id
            WHERE \(clause) ORDER BY d.occurred_on, d.id
            """, arguments: StatementArguments(arguments)).map { row in
            let kind: String = row["kind"]
            return DutyRecordView(id: row["id"], memberID: row["member_id"], member: row["member_name"], module: row["module_id"], kind: kind,
                                  kindTitle: titles[kind] ?? kind, title: row["title"], entity: row["entity"], entityID: row["entity_id"],
                                  occurredOn: row["occurred_on"])
        }
    }

    /// ``summary(officeCode:filter:)`` inside a transaction someone else holds.
    public static func summary(officeCode: String, filter: DutyFilter, registry: ModuleRegistry, context: AccessContext, db: Database) throws -> [DutySummaryRow] {
        let (clause, arguments) = try whereClause(officeCode: officeCode, filter: filter, registry: registry, context: context, db: db)
        let rows = try Row.fetchAll(db, sql: """
            SELECT d.member_id, m.name, d.kind, COUNT(*) AS n FROM duty_records d JOIN members m ON m.id = d.member_id
            WHERE \(clause) GROUP BY d.member_id, d.kind ORDER BY d.member_id
            """, arguments: StatementArguments(arguments))
        var result: [DutySummaryRow] = []
        for row in rows {
            let memberID: Int64 = row["member_id"]
            if result.last?.memberID != memberID { result.append(DutySummaryRow(memberID: memberID, member: row["name"], counts: [:], total: 0)) }
            let n: Int = row["n"]
            result[result.count - 1].counts[row["kind"]] = n
            result[result.count - 1].total += n
        }
        return result
    }

    /// The WHERE clause of `filter`, after checking the user may read the office and the kind is one the modules declare.
    private static func whereClause(officeCode: String, filter: DutyFilter, registry: ModuleRegistry, context: AccessContext,
                                    db: Database) throws -> (String, [any DatabaseValueConvertible]) {
        _ = try filter.checked(against: registry)
        let office = try Office.authorized(code: officeCode, context, CorePermission.organisationRead, db: db)
        var clauses = ["d.office_id = ?"]
        var arguments: [any DatabaseValueConvertible] = [office.id!]
        if let member = filter.memberID { clauses.append("d.member_id = ?"); arguments.append(member) }
        if let year = filter.year {
            try NumberRange.check(year, in: NumberRange.year, field: "年度")
            clauses.append("d.occurred_on LIKE ?"); arguments.append("\(year)-%")
        }
        if let kind = filter.kind { clauses.append("d.kind = ?"); arguments.append(kind) }
        return (clauses.joined(separator: " AND "), arguments)
    }
}
