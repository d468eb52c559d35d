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
        // One prepared statement for every entry: every write of the platform passes here.
        let statement = try db.cachedStatement(sql: """
            INSERT INTO audit_log (at, user_id, username, office_id, entity, entity_id, action, before, after)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [at, context.user.id, context.user.username, officeID, entity, entityID, action, before, after])
    }

    /// Announces `event` once the transaction has committed (dropped if it rolls back).
    public func emit(_ event: DomainEvent) {
        var event = event
        event.username = context.user.username
        events.append(event)
    }
}

/// Collects the events of one transaction until it commits.
final class EventCollector: @unchecked Sendable {
    private(set) var events: [DomainEvent] = []
    func append(_ event: DomainEvent) { events.append(event) }
}
