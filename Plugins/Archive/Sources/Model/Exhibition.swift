import GRDB
import LvzhiCore

/// An exhibition (展陈), in the CPPCC history museum (政协文史馆) or elsewhere, for a period
/// (a permanent exhibition has no closing date).
public struct Exhibition: Hashable, LvzhiRecord {
    public var id: Int64?
    public var officeID: Int64?
    public var title: String
    /// 展出地点（政协文史馆）.
    public var venue: String
    public var opensOn: String
    /// nil: 常设展.
    public var closesOn: String?
    public var notes: String?
    public var createdBy: String
    public var createdAt: String

    public static let databaseTableName = "archive_exhibitions"
    public static let entityName = "展览"

    /// 2026-05-01 至 2026-10-31, or 2026-05-01 起（常设）.
    public var period: String { closesOn.map { "\(opensOn) 至 \($0)" } ?? "\(opensOn) 起（常设）" }

    /// Whether the periods of `self` and `other` share a day.
    public func overlaps(_ other: Exhibition) -> Bool {
        opensOn <= (other.closesOn ?? "9999-12-31") && other.opensOn <= (closesOn ?? "9999-12-31")
    }
}
