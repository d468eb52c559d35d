import GRDB
import LvzhiCore

/// A notice (通知公告) an office published to its members.
public struct Notice: Hashable, LvzhiRecord {
    public var id: Int64?
    public var officeID: Int64?
    public var title: String
    public var body: String
    /// The username of the publisher.
    public var publishedBy: String
    public var publishedAt: String
    /// Set when withdrawn; a withdrawn notice stays on record but is no longer listed by default.
    public var withdrawnAt: String?

    public init(id: Int64? = nil, officeID: Int64, title: String, body: String, publishedBy: String, publishedAt: String, withdrawnAt: String? = nil) {
        self.id = id; self.officeID = officeID; self.title = title; self.body = body
        self.publishedBy = publishedBy; self.publishedAt = publishedAt; self.withdrawnAt = withdrawnAt
    }

    public static let databaseTableName = "notices"
    public static let entityName = "通知公告"
}
