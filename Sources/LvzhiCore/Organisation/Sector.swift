import GRDB

/// A sector (界别): the constituency a member represents, e.g. 经济界, 教育界, 少数民族界.
/// Each office keeps its own list; a sector belongs to at most one activity group.
public struct Sector: Hashable, LvzhiRecord {
    public var id: Int64?
    public var officeID: Int64?
    public var name: String
    /// The activity group that gathers this sector, if assigned.
    public var groupID: Int64?

    public init(id: Int64? = nil, officeID: Int64, name: String, groupID: Int64? = nil) {
        self.id = id; self.officeID = officeID; self.name = name; self.groupID = groupID
    }

    public static let databaseTableName = "sectors"
    public static let entityName = "界别"
}
