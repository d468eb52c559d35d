import GRDB

/// One entry of a member's duty record (履职档案): something the member did that counts
/// towards the annual duty report (a proposal filed, a co-signature, a collective proposal
/// he helped write, later information reports, speeches, attendance, study).
///
/// The record is the core's; modules append to it (``DutyKind`` names what kinds they add),
/// so a duty-record report can count across modules without knowing any of them.
public struct DutyRecord: Hashable, LvzhiRecord {
    public var id: Int64?
    public var officeID: Int64?
    public var termID: Int64
    public var memberID: Int64
    /// The module that recorded it (`proposals`).
    public var moduleID: String
    /// The kind, prefixed with the module id: `proposals.first`.
    public var kind: String
    /// What it was about, for people (the proposal's title).
    public var title: String
    /// The record it points at (`proposals`, 12).
    public var entity: String
    public var entityID: Int64
    /// The day it happened, `YYYY-MM-DD`.
    public var occurredOn: String
    public var recordedAt: String

    public init(id: Int64? = nil, officeID: Int64, termID: Int64, memberID: Int64, moduleID: String, kind: String, title: String,
                entity: String, entityID: Int64, occurredOn: String, recordedAt: String) {
        self.id = id; self.officeID = officeID; self.termID = termID; self.memberID = memberID; self.moduleID = moduleID
        self.kind = kind; self.title = title; self.entity = entity; self.entityID = entityID
        self.occurredOn = occurredOn; self.recordedAt = recordedAt
    }

    public static let databaseTableName = "duty_records"
    public static let entityName = "履职记录"
}

/// A kind of duty-record entry a module adds, with its Chinese name.
public struct DutyKind: Sendable, Hashable {
    /// `proposals.first`.
    public let id: String
    /// 提出提案（第一提案人）.
    public let title: String
    public init(_ id: String, _ title: String) { self.id = id; self.title = title }
}
