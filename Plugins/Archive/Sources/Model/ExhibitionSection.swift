import GRDB
import LvzhiCore

/// A section (展陈单元) of an exhibition, numbered in order from 1.
public struct ExhibitionSection: Hashable, LvzhiRecord {
    public var id: Int64?
    public var officeID: Int64?
    public var exhibitionID: Int64
    public var position: Int
    public var title: String
    /// 单元导语.
    public var introduction: String?

    public static let databaseTableName = "archive_exhibition_sections"
    public static let entityName = "展陈单元"
}
