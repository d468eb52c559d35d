import GRDB
import LvzhiCore

/// A numbered volume (辑) of a series of published literary-historical materials, such as
/// 《鄂尔多斯文史资料》第十二辑: the number is unique within the series and the office.
public struct Volume: Hashable, LvzhiRecord {
    public var id: Int64?
    public var officeID: Int64?
    /// 丛书名（鄂尔多斯文史资料）.
    public var series: String
    /// 第 N 辑.
    public var number: Int
    public var title: String
    /// 出版日期: YYYY, YYYY-MM or YYYY-MM-DD; nil while in preparation.
    public var publishedOn: String?
    /// 编者（主编、编委）, separated by 、.
    public var editors: String?
    public var isbn: String?
    public var notes: String?
    public var createdBy: String
    public var createdAt: String

    public static let databaseTableName = "archive_volumes"
    public static let entityName = "文史资料辑"

    /// 《鄂尔多斯文史资料》第12辑.
    public var displayName: String { "《\(series)》第\(number)辑" }
}
