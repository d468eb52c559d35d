import GRDB

/// A sector activity group (界别活动组): gathers several sectors; linked to one special
/// committee (or, when `committeeID` is `nil`, to the office itself). The city has eight.
///
/// The link decides where members go under 全员入委: every member of the group belongs to
/// the linked committee (see ``CommitteeAssignment``).
public struct ActivityGroup: Hashable, LvzhiRecord {
    public var id: Int64?
    public var officeID: Int64?
    public var name: String
    /// The committee the group is linked to; `nil` means the office (办公室) itself.
    public var committeeID: Int64?

    public init(id: Int64? = nil, officeID: Int64, name: String, committeeID: Int64? = nil) {
        self.id = id; self.officeID = officeID; self.name = name; self.committeeID = committeeID
    }

    public static let databaseTableName = "activity_groups"
    public static let entityName = "界别活动组"
}
