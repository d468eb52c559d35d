import GRDB

/// A handling unit (承办单位): a government department or other body that handles
/// proposals as lead (主办) or co-handler (协办).
public struct HandlingUnit: Hashable, LvzhiRecord {
    public var id: Int64?
    public var officeID: Int64?
    public var name: String
    /// 政府部门, 党群部门, 人大机关, 法院, 检察院, 企事业单位 or 其他.
    public var kind: String
    /// A contact person and telephone (visible to administrators and staff).
    public var contact: String?

    public init(id: Int64? = nil, officeID: Int64, name: String, kind: String, contact: String? = nil) {
        self.id = id; self.officeID = officeID; self.name = name; self.kind = kind; self.contact = contact
    }

    public static let databaseTableName = "handling_units"
    public static let entityName = "承办单位"

    /// The kinds of handling units the platform knows.
    public static let kinds = ["政府部门", "党群部门", "人大机关", "法院", "检察院", "企事业单位", "其他"]
}
