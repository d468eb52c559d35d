import GRDB
import LvzhiCore

/// A piece in a volume's contents: the unit, its title and author as printed, and its pages.
/// The page ranges of one volume do not overlap; the contents are in page order.
public struct VolumeItem: Hashable, LvzhiRecord {
    public var id: Int64?
    public var officeID: Int64?
    public var volumeID: Int64
    public var unitID: Int64
    public var printedTitle: String
    public var printedAuthor: String?
    public var pageFrom: Int
    public var pageTo: Int
    public var createdBy: String
    public var createdAt: String

    public static let databaseTableName = "archive_volume_items"
    public static let entityName = "辑内篇目"

    /// 12–18, or 12 for a single page.
    public var pages: String { pageFrom == pageTo ? "\(pageFrom)" : "\(pageFrom)–\(pageTo)" }
}
