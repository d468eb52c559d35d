import GRDB
import LvzhiCore

/// A kept version of a unit's edited text (编辑稿): numbered from 1 per unit, never changed,
/// optionally tied to the review round it answered.
public struct EditedVersion: Hashable, LvzhiRecord {
    public var id: Int64?
    public var officeID: Int64?
    public var unitID: Int64
    public var version: Int
    public var text: String
    /// The length of `text` in characters (Unicode code points).
    public var length: Int
    public var note: String?
    /// The round of review this version answers (its number), if any.
    public var reviewRound: Int?
    public var createdBy: String
    public var createdAt: String

    public static let databaseTableName = "archive_text_versions"
    public static let entityName = "编辑稿"
}

/// An edited version without its text, for listings.
public struct EditedVersionSummary: Codable, Sendable, Hashable {
    public var version: Int
    public var length: Int
    public var note: String?
    public var reviewRound: Int?
    public var createdBy: String
    public var createdAt: String
}
