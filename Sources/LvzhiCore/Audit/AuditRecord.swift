import GRDB

/// One entry of the audit trail: who did what to which record, when, in which office, and
/// the record before and after as JSON. Written by the storage layer inside the same
/// transaction as the change it describes, so a change and its audit entry land together.
public struct AuditRecord: Hashable, Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    /// UTC time, ISO 8601 with milliseconds (`2026-11-22T08:30:00.123Z`).
    public var at: String
    public var userID: Int64?
    /// The acting user's name at the time (kept even if the user is later renamed).
    public var username: String
    public var officeID: Int64?
    /// The table of the record (`members`, `notices`).
    public var entity: String
    public var entityID: Int64?
    /// `insert`, `update`, `delete`, or a workflow verb (`enable`, `import`, `draw` …).
    public var action: String
    /// The record before the change, as JSON; `nil` for an insert.
    public var before: String?
    /// The record after the change, as JSON; `nil` for a delete.
    public var after: String?

    public init(id: Int64? = nil, at: String, userID: Int64?, username: String, officeID: Int64?, entity: String,
                entityID: Int64?, action: String, before: String?, after: String?) {
        self.id = id; self.at = at; self.userID = userID; self.username = username; self.officeID = officeID
        self.entity = entity; self.entityID = entityID; self.action = action; self.before = before; self.after = after
    }

    public static let databaseTableName = "audit_log"
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { LvzhiColumnKey.decodingStrategy }
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
