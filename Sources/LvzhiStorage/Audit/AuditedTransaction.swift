import GRDB
import LvzhiCore

/// A write transaction on behalf of a user. Every insert, update and delete made through it
/// writes an ``AuditRecord`` (who, when, which office, what, before → after) in the same
/// transaction, so a change never lands without its audit entry, nor the entry without it.
///
/// Stores receive one from ``LvzhiHost/write(as:_:)``; they never write records any other way.
public struct AuditedTransaction {
    /// The database connection, inside the transaction. Read freely; write records only
    /// through ``insert(_:)``, ``update(_:from:)`` and ``delete(_:)``.
    public let db: Database
    /// Who is acting.
    public let context: AccessContext
    let events: EventCollector
    let at: String
    private let statements = PreparedStatements()

    init(db: Database, context: AccessContext, events: EventCollector) {
        self.db = db
        self.context = context
        self.events = events
        self.at = Timestamp.now()
    }

    /// Inserts `record` and audits it as `insert`.
    public func insert<R: LvzhiRecord>(_ record: inout R) throws {
        try record.insert(db)
        try log(action: "insert", entity: R.databaseTableName, entityID: record.id, officeID: record.officeID,
                before: nil, after: record.jsonText())
    }

    /// Inserts every record of `records` and audits each as `insert`: the same rows, ids and
    /// audit entries as ``insert(_:)`` one by one, written a hundred rows per statement.
    ///
    /// One statement per row would cost SQLite a statement journal per row on a table with
    /// triggers (members has four); a hundred rows share one. Ids are read back with `RETURNING`
    /// and given in ascending order, which is the order of insertion on an `AUTOINCREMENT` table.
    public func insertAll<R: ColumnOrderedRecord>(_ records: inout [R]) throws {
        for start in stride(from: 0, to: records.count, by: Self.rowsPerStatement) {
            let range = start..<min(start + Self.rowsPerStatement, records.count)
            let values = records[range].flatMap(\.columnValues)
            let ids = try Int64.fetchAll(statements.insert(into: R.databaseTableName, columns: R.insertColumns, rows: range.count,
                                                           returning: "id", db: db),
                                         arguments: StatementArguments(values)).sorted()
            guard ids.count == range.count else {
                throw LvzhiError(.storage, "写入\(R.entityName)时 SQLite 返回了 \(ids.count) 个 ID（应为 \(range.count) 个）")
            }
            for (index, id) in zip(range, ids) { records[index].id = id }
            try logAll(action: "insert", entity: R.databaseTableName, entries: records[range].map { ($0.id, $0.officeID, nil, $0.jsonText()) })
        }
    }

    /// Rows per multi-row `INSERT` (15 columns × 100 rows stays far below SQLite's 32,766 parameters).
    static let rowsPerStatement = 100

    /// Saves `record` over `old` and audits it as `update` (or `action`); does nothing when nothing changed.
    public func update<R: LvzhiRecord & Equatable>(_ record: R, from old: R, action: String = "update") throws {
        guard record != old else { return }
        try record.update(db)
        try log(action: action, entity: R.databaseTableName, entityID: record.id, officeID: record.officeID,
                before: old.jsonText(), after: record.jsonText())
    }

    /// Deletes `record` and audits it as `delete`.
    public func delete<R: LvzhiRecord>(_ record: R) throws {
        _ = try record.delete(db)
        try log(action: "delete", entity: R.databaseTableName, entityID: record.id, officeID: record.officeID,
                before: record.jsonText(), after: nil)
    }

    /// Writes an audit entry for a change made another way (a bulk step, a setting).
    public func log(action: String, entity: String, entityID: Int64?, officeID: Int64?, before: String?, after: String?) throws {
        try logAll(action: action, entity: entity, entries: [(entityID, officeID, before, after)])
    }

    /// Writes one audit entry per element of `entries` (entity id, office, before, after), all with the same action.
    func logAll(action: String, entity: String, entries: [(entityID: Int64?, officeID: Int64?, before: String?, after: String?)]) throws {
        guard !entries.isEmpty else { return }
        var values: [(any DatabaseValueConvertible)?] = []
        values.reserveCapacity(entries.count * 9)
        for entry in entries {
            values += [at, context.user.id, context.user.username, entry.officeID, entity, entry.entityID, action, entry.before, entry.after]
        }
        try statements.insert(into: "audit_log", columns: Self.auditColumns, rows: entries.count, db: db)
            .execute(arguments: StatementArguments(values))
    }

    private static let auditColumns = ["at", "user_id", "username", "office_id", "entity", "entity_id", "action", "before", "after"]

    /// Announces `event` once the transaction has committed (dropped if it rolls back).
    public func emit(_ event: DomainEvent) {
        var event = event
        event.username = context.user.username
        events.append(event)
    }
}

/// The statements one transaction prepares once and runs many times (every write passes
/// through the audit insert; a bulk insert runs the same 100-row statement a hundred times).
final class PreparedStatements {
    private var prepared: [String: Statement] = [:]

    /// `INSERT INTO table (columns) VALUES (?, …), …` for `rows` rows, prepared on first use.
    func insert(into table: String, columns: [String], rows: Int, returning: String? = nil, db: Database) throws -> Statement {
        let key = "\(table)|\(rows)|\(returning ?? "")|\(columns.joined(separator: ","))"
        if let statement = prepared[key] { return statement }
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        var sql = "INSERT INTO \(table.quotedDatabaseIdentifier) (\(columns.map(\.quotedDatabaseIdentifier).joined(separator: ", "))) VALUES "
            + Array(repeating: row, count: rows).joined(separator: ", ")
        if let returning { sql += " RETURNING \(returning.quotedDatabaseIdentifier)" }
        let statement = try db.makeStatement(sql: sql)
        prepared[key] = statement
        return statement
    }
}

/// Collects the events of one transaction until it commits.
final class EventCollector: @unchecked Sendable {
    private(set) var events: [DomainEvent] = []
    func append(_ event: DomainEvent) { events.append(event) }
}
